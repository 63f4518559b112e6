using System.Diagnostics;
using OpenTelemetry.Trace;

namespace ResellerKit.Storefront.Telemetry;

/// <summary>
/// The root sampler when <c>OTEL_TRACES_SAMPLER</c> is not set: keeps every trace that starts at a request or at an
/// Engine span (an outbox delivery, a ledger transfer), and drops client spans that start a trace of their own —
/// the outbox's and the rollup's polling queries, which would otherwise be a trace a second per node.
/// </summary>
public sealed class BackgroundQueriesSampler : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client
            ? new SamplingResult(SamplingDecision.Drop)
            : new SamplingResult(SamplingDecision.RecordAndSample);
}
