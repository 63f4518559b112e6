using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ResellerKit.Engine.Telemetry;

/// <summary>
/// The Engine's traces and metrics, under the names an operator's dashboards use (<c>resellerkit.*</c>, exported to
/// Prometheus as <c>resellerkit_*</c>). The host subscribes to <see cref="Name"/>; anything in the Engine that moves
/// money, delivers a message or fulfils a checkout records here, so a new writer (a group-commit batch) starts its
/// span from <see cref="Source"/> and counts through the same instruments.
/// </summary>
public static class EngineTelemetry
{
    public const string Name = "ResellerKit.Engine";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Ledger transactions committed, by <c>type</c> (usage, grant, purchase...).</summary>
    public static readonly Counter<long> LedgerTransactions = Meter.CreateCounter<long>(
        "resellerkit.ledger.transactions", "{transaction}", "Ledger transactions committed, by type.");

    /// <summary>Usage debits refused, by the API's problem <c>code</c>.</summary>
    public static readonly Counter<long> UsageRefusals = Meter.CreateCounter<long>(
        "resellerkit.usage.refusals", "{refusal}", "Usage debits refused, by problem code.");

    /// <summary>Seconds from opening a checkout session to granting its credits.</summary>
    public static readonly Histogram<double> CheckoutFulfilment = Meter.CreateHistogram<double>(
        "resellerkit.checkout.fulfilment", unit: "s", description: "Seconds from opening a checkout session to granting its credits.", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 30, 60, 120, 300, 900, 3600, 86400] });

    /// <summary>Outbox messages not yet delivered nor given up, as last sampled by <see cref="OutboxGauges"/>.</summary>
    public static readonly ObservableGauge<long> OutboxPending = Meter.CreateObservableGauge(
        "resellerkit.outbox.pending", () => OutboxGauges.Latest is { } s ? [new Measurement<long>(s.Pending)] : Array.Empty<Measurement<long>>(),
        "{message}", "Outbox messages not yet delivered nor given up (scheduled retries included).");

    /// <summary>How long the oldest message that is due has waited for a worker.</summary>
    public static readonly ObservableGauge<double> OutboxOldestAge = Meter.CreateObservableGauge(
        "resellerkit.outbox.oldest_age", () => OutboxGauges.Latest is { } s ? [new Measurement<double>(s.OldestDueAge.TotalSeconds)] : Array.Empty<Measurement<double>>(),
        "s", "Seconds the oldest due outbox message has waited for delivery; 0 when none is waiting.");

    /// <summary>The span of one outbox delivery; the handler's own spans (SMTP, an HTTP POST) are its children.</summary>
    public static Activity? StartOutboxDelivery(string topic, string messageId, int attempt)
    {
        var activity = Source.StartActivity("outbox deliver " + topic);
        activity?.SetTag("resellerkit.outbox.topic", topic);
        activity?.SetTag("messaging.message.id", messageId);
        activity?.SetTag("resellerkit.outbox.attempt", attempt);
        return activity;
    }
}
