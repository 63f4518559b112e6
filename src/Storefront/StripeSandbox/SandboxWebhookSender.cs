using System.Text;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Outbox;
using ResellerKit.Storefront.Hosting;
using ResellerKit.Storefront.Payments.Stripe;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// Delivers the sandbox's events as real signed webhooks, like Stripe: retried with backoff until the endpoint
/// answers 2xx, and still queued after a crash or restart.
/// </summary>
public sealed class SandboxWebhookSender(IHttpClientFactory http, IOptions<StripeOptions> options, StripeKeys keys, PublicUrls urls, TimeProvider clock) : IOutboxHandler
{
    public const string HttpClientName = "stripe-sandbox-webhooks";

    public string Topic => SandboxEvents.Topic;

    public OutboxLane Lane => OutboxLane.Payments;

    public async Task<OutboxOutcome> HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var target = options.Value.SandboxWebhookUrl ?? urls.InternalBaseUrl + "/webhooks/stripe";
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(message.Payload, Encoding.UTF8, "application/json"),
        };
        var secret = await keys.WebhookSecretAsync(ct) ?? throw new InvalidOperationException("The sandbox runs, so it has a webhook secret.");
        request.Headers.Add("Stripe-Signature", WebhookSignature.Header(message.Payload, secret, clock.GetUtcNow()));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
        return response.IsSuccessStatusCode
            ? OutboxOutcome.Delivered
            : OutboxOutcome.RetryAt(clock.GetUtcNow() + Backoff.For(message.Attempts), $"{target} answered {(int)response.StatusCode}");
    }
}
