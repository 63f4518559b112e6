using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// One attempt to POST a signed JSON payload to an agency's URL through the guarded client. Never throws for what the
/// endpoint or the network does (only for the caller's own cancellation); the result says what to do next.
/// </summary>
public sealed class WebhookDelivery(GuardedHttpClientFactory http, TimeProvider clock)
{
    public const int SnippetBytes = 1024;

    public async Task<DeliveryResult> SendAsync(string url, string messageId, string payload, IReadOnlyList<WebhookSecret> secrets, CancellationToken ct)
    {
        var target = WebhookUrlSyntax.Check(url);
        if (!target.IsSuccess)
        {
            return new DeliveryResult(DeliveryStatus.Refused, target.Error.Detail);
        }
        var body = Encoding.UTF8.GetBytes(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Value.Uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("ResellerKit-Webhooks", "1"));
        StandardWebhookSigner.Sign(messageId, clock.GetUtcNow(), body, secrets).ApplyTo(request.Headers);

        // HttpClient.Timeout stops at the headers; this deadline also covers reading the body.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(http.Options.RequestTimeout);
        using var client = http.CreateClient();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            return await ReadAsync(response, deadline.Token);
        }
        catch (Exception e) when (DestinationRefusedException.FindIn(e) is { } refused)
        {
            return new DeliveryResult(DeliveryStatus.Refused, refused.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryStatus.Retry, $"No answer within {http.Options.RequestTimeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult(DeliveryStatus.Retry, $"Network error: {e.Message}");
        }
    }

    private async Task<DeliveryResult> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var code = (int)response.StatusCode;
        var body = await SnippetAsync(response, ct);
        var (status, detail) = code switch
        {
            >= 200 and < 300 => (DeliveryStatus.Delivered, $"Answered {code}."),
            410 => (DeliveryStatus.Gone, "Answered 410 Gone: the endpoint no longer wants webhooks."),
            >= 300 and < 400 => (DeliveryStatus.Retry,
                $"Answered {code}, a redirect to {response.Headers.Location?.ToString() ?? "nowhere"}; redirects are not followed, so the webhook URL needs updating."),
            _ => (DeliveryStatus.Retry, $"Answered {code}."),
        };
        var retryAfter = status == DeliveryStatus.Retry ? RetryAfter.From(response, clock.GetUtcNow()) : null;
        return new DeliveryResult(status, detail, code, body?.Text, body?.Truncated ?? false, retryAfter);
    }

    /// <summary>The status code is what counts; a body that is slow or broken only costs the snippet.</summary>
    private static async Task<CappedBody?> SnippetAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await CappedBody.ReadAsync(response.Content, SnippetBytes, ct);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }
}
