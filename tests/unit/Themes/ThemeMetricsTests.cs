using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ResellerKit.Themes.Rendering;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary><c>resellerkit.theme.render_limits{limit}</c> names the budget a hostile template ran out of.</summary>
public sealed class ThemeMetricsTests
{
    private readonly ThemeTestKit kit = new(ThemeTestKit.Unhurried);

    [Theory]
    [InlineData("{% assign n = 10000000 %}{% assign r = (1..n) %}{{ r.size }}", "collection")]
    [InlineData("{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}", "steps")]
    [InlineData("{% for i in (1..1000) %}{% for j in (1..90) %}{{ 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }}{% endfor %}{% endfor %}", "output")]
    public async Task RenderAsync_TemplateThatRunsOutOfABudget_CountsThatLimit(string template, string limit)
    {
        var counted = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ThemeMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags) counted.AddOrUpdate((string)tag.Value!, value, (_, sum) => sum + value);
        });
        listener.Start();

        var result = await kit.RenderAsync(ThemeTestKit.Inline(template));

        result.Error.ShouldNotBeNull();
        counted.GetValueOrDefault(limit).ShouldBeGreaterThanOrEqualTo(1, $"counted: {string.Join(", ", counted)}");
    }
}
