using System.Globalization;

namespace ResellerKit.Bench.ThemeRender;

/// <summary>Microseconds per render, each round's mean in the order run: CPU time (the figure) and wall-clock time.</summary>
internal sealed record Timing(IReadOnlyList<double> CpuUs, IReadOnlyList<double> WallUs, long RendersPerRound)
{
    /// <summary>The figure: the median round's CPU time per render.</summary>
    public double MedianUs => Median(CpuUs);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"median {MedianUs:F1} us CPU/render (best round {CpuUs.Min():F1}, wall median {Median(WallUs):F1}) over {CpuUs.Count} rounds of {RendersPerRound}; CPU rounds: {string.Join(" ", CpuUs.Select(us => us.ToString("F1", CultureInfo.InvariantCulture)))}");

    private static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);
}
