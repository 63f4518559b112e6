using System.Text.Json;
using System.Text.RegularExpressions;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Telemetry;

/// <summary>The Grafana dashboard in ops/grafana charts the metrics that README documents, and only those.</summary>
public sealed partial class GrafanaDashboardTests
{
    [Fact]
    public void Dashboard_Queries_ChartEveryDocumentedResellerKitMetricAndNoOther()
    {
        var root = RepositoryFolder.Root;
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "ops", "grafana", "resellerkit-dashboard.json")));
        var charted = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .SelectMany(t => MetricName().Matches(t.GetProperty("expr").GetString()!).Select(m => BaseName(m.Value)))
            .ToHashSet();
        var documented = ReadmeMetric().Matches(File.ReadAllText(Path.Combine(root, "README.md"))).Select(m => m.Groups[1].Value).ToHashSet();

        documented.Count.ShouldBe(7);
        charted.OrderBy(n => n).ShouldBe(documented.OrderBy(n => n));
    }

    private static string BaseName(string series) => series.EndsWith("_bucket", StringComparison.Ordinal) ? series[..^"_bucket".Length] : series;

    [GeneratedRegex(@"resellerkit_[a-z_]+")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^\| `(resellerkit_[a-z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeMetric();
}
