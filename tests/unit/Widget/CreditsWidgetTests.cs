using Bunit;
using ResellerKit.Widget.Components;
using ResellerKit.Widget.Data;

namespace ResellerKit.Tests.Unit.Widget;

/// <summary>The widget's components alone, over a scripted <see cref="IWidgetData"/>: its states, and loading again for a new secret.</summary>
public sealed class CreditsWidgetTests : CreditsWidgetHarness
{
    [Fact]
    public void Render_WhileLoading_IsBusyAndSaysSo()
    {
        data.Gate = new TaskCompletionSource();

        var widget = Render();

        widget.Find("section").GetAttribute("aria-busy").ShouldBe("true");
        widget.Find("[role=status]").TextContent.ShouldContain("Loading credits");
        widget.FindAll("button").ShouldBeEmpty();
    }

    [Fact]
    public void Render_SignedOut_ShowsPacksAndSignInButNothingToBuy()
    {
        data.View = () => FakeWidgetData.SignedOut("Your session has ended.");

        var widget = Render(secret: null);

        widget.WaitForAssertion(() => widget.Find("a.rk-button").TextContent.ShouldBe("Sign in"));
        widget.Find("a.rk-button").GetAttribute("href").ShouldBe("https://shop.test/s/demo/sign-in");
        widget.Markup.ShouldContain("Your session has ended.");
        widget.Markup.ShouldContain("Starter");
        widget.FindAll("button").ShouldBeEmpty();
        widget.FindAll("[data-testid=balance]").ShouldBeEmpty();
        events.ShouldContain(e => e.Type == WidgetEvent.Ready && ((ReadyDetail)e.Detail).State == "signed-out");
    }

    [Fact]
    public void Render_Ready_NamesEachBuyButtonAfterItsPack()
    {
        var widget = Render();

        widget.WaitForAssertion(() => widget.Find("[data-testid=balance]").TextContent.ShouldBe("0 credits"));
        widget.FindAll("button").Select(b => b.GetAttribute("aria-label")).ShouldBe(["Buy Starter", "Buy Growth"]);
        widget.Find("section").GetAttribute("aria-label").ShouldBe("Brightside Digital credits");
    }

    [Fact]
    public void Render_InSharedMode_ShowsUsageButNoBalanceAndNoPacks()
    {
        data.View = () => FakeWidgetData.Ready(0, reselling: false);

        var widget = Render();

        widget.WaitForAssertion(() => widget.Markup.ShouldContain("Recent usage"));
        widget.FindAll("[data-testid=balance]").ShouldBeEmpty();
        widget.Markup.ShouldNotContain("Starter");
        widget.Markup.ShouldContain("provided by your agency");
    }

    [Fact]
    public void Render_Paused_SaysSoAndOffersNoBuyButton()
    {
        data.View = () => FakeWidgetData.Ready(40, status: WidgetStatus.Paused);

        var widget = Render();

        widget.WaitForAssertion(() => widget.Find("[role=note]").TextContent.ShouldContain("paused"));
        widget.FindAll("button").ShouldBeEmpty();
    }

    [Fact]
    public void Render_Unavailable_ShowsAnAlertAndNoData()
    {
        data.View = () => WidgetView.Unavailable("These credits cannot be shown on this site.");

        var widget = Render();

        widget.WaitForAssertion(() => widget.Find("[role=alert]").TextContent.ShouldContain("cannot be shown on this site"));
        widget.Markup.ShouldNotContain("Starter");
        events.ShouldContain(e => e.Type == WidgetEvent.Error);
    }

    [Fact]
    public void Parameters_WhenTheClientSecretChanges_LoadAgain()
    {
        var widget = Render();
        widget.WaitForAssertion(() => data.Loads.ShouldBe(1));

        widget.Render(p => p.Add(w => w.ClientSecret, "rkws_other"));

        widget.WaitForAssertion(() => data.Loads.ShouldBe(2));
    }
}
