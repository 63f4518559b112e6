using Bunit;
using ResellerKit.Engine.Reports;
using ResellerKit.Storefront.Components.Shared;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>The usage chart's axis reads as a person expects: distinct, rising, round steps, even with nothing used.</summary>
public sealed class UsageChartTests : IDisposable
{
    private readonly BunitContext context = new();

    [Theory]
    [InlineData(new long[0], "0,1,2,3,4")]
    [InlineData(new long[] { 0, 0, 0 }, "0,1,2,3,4")]
    [InlineData(new long[] { 3, 1 }, "0,1,2,3,4")]
    [InlineData(new long[] { 120, 40 }, "0,50,100,150,200")]
    [InlineData(new long[] { 7_000 }, "0,2,000,4,000,6,000,8,000")]
    public void UsageChart_AxisLabels_AreDistinctRoundStepsFromZero(long[] credits, string expected)
    {
        var start = new DateOnly(2026, 11, 1);
        var points = credits.Select((c, i) => new UsagePoint(start.AddDays(i), c)).ToList();

        var chart = context.Render<UsageChart>(p => p.Add(c => c.Points, points).Add(c => c.Granularity, Granularity.Day));
        var axis = chart.FindAll("svg.chart-wide text[text-anchor='end']").Select(t => t.TextContent).ToList();

        string.Join(",", axis).ShouldBe(expected);
    }

    [Fact]
    public void UsageChart_ForAPhone_HasANarrowDrawingWithFewerLargerLabels()
    {
        var start = new DateOnly(2026, 11, 1);
        var points = Enumerable.Range(0, 30).Select(i => new UsagePoint(start.AddDays(i), i * 10)).ToList();

        var chart = context.Render<UsageChart>(p => p.Add(c => c.Points, points).Add(c => c.Granularity, Granularity.Day));
        var narrow = chart.Find("svg.chart-narrow");
        var wide = chart.Find("svg.chart-wide");
        var days = narrow.QuerySelectorAll("text[text-anchor='middle']");

        narrow.GetAttribute("viewBox").ShouldBe("0 0 360 240");
        days.Length.ShouldBeLessThanOrEqualTo(4);
        days.ShouldAllBe(t => int.Parse(t.GetAttribute("font-size")!, System.Globalization.CultureInfo.InvariantCulture) >= 13);
        wide.QuerySelectorAll("text[text-anchor='middle']").Length.ShouldBe(8);
        narrow.QuerySelector("title")!.Id.ShouldNotBe(wide.QuerySelector("title")!.Id);
    }

    public void Dispose() => context.Dispose();
}
