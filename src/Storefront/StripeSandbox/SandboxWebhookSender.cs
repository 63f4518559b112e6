using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Outbox;
using ResellerKit.Storefront.Hosting;
using ResellerKit.Storefront.Payments.Stripe;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// Delivers the sandbox's events as real signed webhooks, like Stripe: retried with backoff until the endpoint
/// answers 2xx, and still queued after a crash or restart. While a test helper's outage (<see cref="SandboxOutages"/>)
/// cuts ResellerKit off from an account, that account's events wait too, as Stripe's deliveries would across the same
/// outage, and go out once it ends.
/// </summary>
public sealed class SandboxWebhookSender(
    IHttpClientFactory http, IOptions<StripeOptions> options, StripeKeys keys, PublicUrls urls, SandboxOutages outages, TimeProvider clock) : IOutboxHandler
{
    public const string HttpClientName = "stripe-sandbox-webhooks";

    // How often an event held by an outage looks again whether the outage ended.
    private static readonly TimeSpan HeldRetry = TimeSpan.FromMilliseconds(500);

    public string Topic => SandboxEvents.Topic;

    public OutboxLane Lane => OutboxLane.Payments;

    public async Task<OutboxOutcome> HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        if (outages.Any && outages.For(JsonNode.Parse(message.Payload)?["account"]?.GetValue<string>()) is not null)
        {
            return OutboxOutcome.RetryAt(clock.GetUtcNow() + HeldRetry, "held: the account's outage cuts it off from ResellerKit");
        }
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
