using System.Diagnostics.Metrics;

namespace ResellerKit.Storefront.Telemetry;

/// <summary>The host's own instruments: what only the adapters see (an agency endpoint's answer).</summary>
public static class StorefrontTelemetry
{
    public const string Name = "ResellerKit.Storefront";

    internal static readonly Meter Meter = new(Name);

    /// <summary>
    /// Agency webhook delivery attempts by <c>outcome</c>: <c>delivered</c>, <c>retry</c>, <c>failed</c> (retries ran
    /// out), <c>gone</c> (410, endpoint disabled), <c>refused</c> (the SSRF guard), <c>no_endpoint</c>.
    /// </summary>
    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "resellerkit.webhook.deliveries", "{attempt}", "Agency webhook delivery attempts, by outcome.");

    public static void WebhookDelivery(string outcome) =>
        WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
