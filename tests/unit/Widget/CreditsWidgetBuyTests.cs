using Bunit;
using ResellerKit.Widget.Components;
using ResellerKit.Widget.Data;

namespace ResellerKit.Tests.Unit.Widget;

/// <summary>
/// Buying in the widget's components, over a scripted <see cref="IWidgetData"/>: a pack or any amount, the checkout
/// watched until its credits land (also one started on the first screen), the live balance and the events.
/// </summary>
public sealed class CreditsWidgetBuyTests : CreditsWidgetHarness
{
    [Fact]
    public async Task Buy_WhenThePaymentCompletes_ShowsTheNewBalanceAndEmitsBothEvents()
    {
        var widget = Render();
        widget.WaitForAssertion(() => widget.Find("[aria-label='Buy Starter']"));

        await widget.Find("[aria-label='Buy Starter']").ClickAsync(new());
        data.View = () => FakeWidgetData.Ready(100);
        data.Progress = PurchaseProgress.Completed;

        widget.WaitForAssertion(() => widget.Find("[data-testid=balance]").TextContent.ShouldBe("100 credits"), TimeSpan.FromSeconds(10));
        data.Bought.ShouldBe([new BuyChoice("pack-starter", null)]);
        var started = events.Single(e => e.Type == WidgetEvent.PurchaseStarted).Detail.ShouldBeOfType<PurchaseStartedDetail>();
        started.Url.ShouldBe("https://checkout.test/cs_test_1");
        started.PackId.ShouldBe("pack-starter");
        events.Single(e => e.Type == WidgetEvent.PurchaseCompleted).Detail.ShouldBe(new PurchaseCompletedDetail("cs_test_1", 100, 100));
        widget.Find(".rk-status").TextContent.ShouldContain("100 credits added");
    }

    /// <summary>
    /// The database is briefly away while the widget watches a checkout (a failover, a node of the cluster going down):
    /// the buyer still sees the credits land, rather than a balance that never moves again.
    /// </summary>
    [Fact]
    public async Task Buy_WhenReadingTheCheckoutFailsForAWhile_KeepsWatchingAndShowsTheCredits()
    {
        var widget = Render();
        widget.WaitForAssertion(() => widget.Find("[aria-label='Buy Starter']"));
        data.FailingProgressReads = 2;

        await widget.Find("[aria-label='Buy Starter']").ClickAsync(new());
        data.View = () => FakeWidgetData.Ready(100);
        data.Progress = PurchaseProgress.Completed;

        widget.WaitForAssertion(() => widget.Find("[data-testid=balance]").TextContent.ShouldBe("100 credits"), TimeSpan.FromSeconds(15));
        data.FailingProgressReads.ShouldBeLessThan(0, "both failed reads happened before the credits were shown");
        events.Single(e => e.Type == WidgetEvent.PurchaseCompleted).Detail.ShouldBe(new PurchaseCompletedDetail("cs_test_1", 100, 100));
    }

    /// <summary>A buyer who clicked Buy on the first screen, before the widget was live: the live widget takes that checkout over.</summary>
    [Fact]
    public void Checkout_StartedOnTheFirstScreen_IsShownAndWatchedUntilTheCreditsLand()
    {
        data.Open["cs_early"] = new BuyOutcome("cs_early", "https://checkout.test/cs_early", 100, null);
        var widget = context.Render<CreditsWidget>(p => p
            .Add(w => w.Agency, "demo").Add(w => w.ClientSecret, "rkws_secret").Add(w => w.Checkout, "cs_early")
            .Add(w => w.OnEvent, e => events.Add(e)));

        widget.WaitForAssertion(() => widget.Find(".rk-status").TextContent.ShouldContain("Complete your payment in the checkout tab"));
        widget.Find(".rk-status a").GetAttribute("href").ShouldBe("https://checkout.test/cs_early");
        data.View = () => FakeWidgetData.Ready(100);
        data.Progress = PurchaseProgress.Completed;

        widget.WaitForAssertion(() => widget.Find("[data-testid=balance]").TextContent.ShouldBe("100 credits"), TimeSpan.FromSeconds(10));
        events.Single(e => e.Type == WidgetEvent.PurchaseCompleted).Detail.ShouldBe(new PurchaseCompletedDetail("cs_early", 100, 100));
        data.Bought.ShouldBeEmpty();
    }

    /// <summary>
    /// The buyer paid in the checkout tab while the circuit was still starting, and the credits landed between the
    /// widget's first read of the balance and its look at the checkout: it says so at once, with the new balance.
    /// </summary>
    [Fact]
    public void Checkout_PaidWhileTheWidgetWasStarting_ShowsTheCreditsAtOnce()
    {
        data.Open["cs_early"] = new BuyOutcome("cs_early", "https://checkout.test/cs_early", 100, null);
        data.Progress = PurchaseProgress.Completed;
        var reads = 0;
        data.View = () => FakeWidgetData.Ready(reads++ == 0 ? 0 : 100);

        var widget = context.Render<CreditsWidget>(p => p
            .Add(w => w.Agency, "demo").Add(w => w.ClientSecret, "rkws_secret").Add(w => w.Checkout, "cs_early")
            .Add(w => w.OnEvent, e => events.Add(e)));

        widget.WaitForAssertion(() => widget.Find("[data-testid=balance]").TextContent.ShouldBe("100 credits"));
        widget.Find(".rk-status").TextContent.ShouldContain("100 credits added");
        events.Single(e => e.Type == WidgetEvent.PurchaseCompleted).Detail.ShouldBe(new PurchaseCompletedDetail("cs_early", 100, 100));
    }

    [Fact]
    public void Checkout_NotOpenForThisClient_IsNeitherShownNorWatched()
    {
        var widget = context.Render<CreditsWidget>(p => p
            .Add(w => w.Agency, "demo").Add(w => w.ClientSecret, "rkws_secret").Add(w => w.Checkout, "cs_someone_elses"));

        widget.WaitForAssertion(() => widget.Find("[data-testid=balance]").TextContent.ShouldBe("0 credits"));
        widget.Find(".rk-status").TextContent.Trim().ShouldBeEmpty();
    }

    /// <summary>
    /// The component shows whatever <see cref="IWidgetData.QuoteCustom"/> answers for the number typed (here the fake's
    /// own formula) and buys that many. That the quote is the Engine's price is
    /// <c>WidgetApiTests.CustomQuantity_TypedInTheWidget_IsQuotedAtWhatTheCheckoutCharges</c>.
    /// </summary>
    [Fact]
    public async Task CustomQuantity_ShowsTheDataServicesQuoteForWhatIsTypedAndBuysThatMany()
    {
        data.View = () => FakeWidgetData.Ready(0) with { Custom = new CustomOffer(12m, "usd", 50, 10_000, "$0.12", "en-US") };
        data.Quote = (_, credits) => $"quote for {credits}";
        var widget = Render();
        widget.WaitForAssertion(() => widget.Find("input[type=number]"));

        await widget.Find("input[type=number]").InputAsync(new() { Value = "250" });
        widget.Find(".rk-custom p").TextContent.ShouldBe("quote for 250 at $0.12 per credit");
        await widget.Find("form.rk-custom").SubmitAsync();

        data.Bought.ShouldBe([new BuyChoice(null, 250)]);
        widget.Find("label").TextContent.ShouldBe("Or choose how many credits");
        widget.Find("input[type=number]").GetAttribute("aria-describedby").ShouldBe(widget.Find(".rk-custom p").Id);
    }

    [Fact]
    public async Task CustomQuantity_OutsideTheOffer_ExplainsTheBoundsAndCannotBuy()
    {
        data.View = () => FakeWidgetData.Ready(0) with { Custom = new CustomOffer(12m, "usd", 50, 10_000, "$0.12", "en-US") };
        var widget = Render();
        widget.WaitForAssertion(() => widget.Find("input[type=number]"));

        await widget.Find("input[type=number]").InputAsync(new() { Value = "10" });

        widget.Find(".rk-custom p").TextContent.ShouldBe("Choose between 50 and 10,000 credits.");
        widget.Find("form.rk-custom button").HasAttribute("disabled").ShouldBeTrue();
    }
}
