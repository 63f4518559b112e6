using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary>
/// Issue 13, item 5: one agency's renders have a cap of their own. Over it, that agency waits (and is refused after the
/// queue timeout); another agency renders at once.
/// </summary>
public sealed class RenderGateTests
{
    private const string Spin = "{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}";

    [Fact]
    public async Task RenderAsync_AgencyAtItsCap_IsRefusedAfterTheQueueWait_WhileAnotherAgencyRenders()
    {
        var kit = new ThemeTestKit(ThemeLimits.Default with
        {
            MaxConcurrentRendersPerAgency = 1, RenderQueueTimeout = TimeSpan.FromMilliseconds(50),
            TimeBudget = TimeSpan.FromSeconds(3), MaxSteps = int.MaxValue, MaxRecursion = 100,
        });
        var busy = Task.Run(() => kit.RenderAsync(Theme("agency-a", Spin)), Ct);
        await Task.Delay(200, Ct);

        var sameAgency = await kit.RenderAsync(Theme("agency-a", "second page"));
        var otherAgency = await kit.RenderAsync(Theme("agency-b", "{{ shop.name }}"));
        var first = await busy;

        sameAgency.Error!.Limit.ShouldBe(ThemeLimit.Concurrency);
        otherAgency.Html.ShouldBe("Northwind Growth");
        first.Error!.Limit.ShouldBe(ThemeLimit.Time);
    }

    [Fact]
    public async Task RenderAsync_AfterTheAgencysRenderEnds_ItsNextRenderRuns()
    {
        var kit = new ThemeTestKit(ThemeLimits.Default with { MaxConcurrentRendersPerAgency = 1, RenderQueueTimeout = TimeSpan.FromMilliseconds(50) });
        await kit.RenderAsync(Theme("agency-a", "{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}"));

        var next = await kit.RenderAsync(Theme("agency-a", "ok"));

        next.Html.ShouldBe("ok", "a failed render gives its slot back");
    }

    private static ThemeSource Theme(string agency, string index) => ThemeSource.FromFiles(agency, new Dictionary<string, string>
    {
        [ThemePaths.Layout] = "{{ content_for_layout }}",
        ["templates/index.liquid"] = index,
    });
}
