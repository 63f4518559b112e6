using ResellerKit.Widget.Data;

namespace ResellerKit.Tests.Unit.Widget;

/// <summary>An <see cref="IWidgetData"/> the test scripts: what loads, what a purchase does, and when it completes.</summary>
public sealed class FakeWidgetData : IWidgetData
{
    public static readonly BrandView Brand = new("Brightside Digital", "https://shop.test/s/demo/", "https://shop.test/s/demo/sign-in");

    public static readonly IReadOnlyList<PackOffer> Packs =
    [
        new("pack-starter", "Starter", 100, "100", "$15.00", "$0.15", null),
        new("pack-growth", "Growth", 500, "500", "$60.00", "$0.12", "Most popular"),
    ];

    public TaskCompletionSource? Gate { get; set; }

    public Func<WidgetView> View { get; set; } = () => Ready(0);

    public List<BuyChoice> Bought { get; } = [];

    public PurchaseProgress Progress { get; set; } = PurchaseProgress.Pending;

    public int Loads { get; private set; }

    public static WidgetView Ready(long balance, bool reselling = true, WidgetStatus status = WidgetStatus.Ready) => new(
        status, Brand, ThemeVars.Default, Packs, null,
        new AccountView("Bluebird Dental", reselling, reselling ? balance : null, reselling ? $"{balance} credits" : null, "12", null,
            [new UsageLine("1/2/2026", "AI replies", "12")]),
        null);

    public static WidgetView SignedOut(string? notice = null) => new(WidgetStatus.SignedOut, Brand, ThemeVars.Default, Packs, null, null, notice);

    public async Task<WidgetView> LoadAsync(WidgetRequest request, CancellationToken ct)
    {
        if (Gate is not null)
        {
            await Gate.Task.WaitAsync(ct);
        }
        Loads++;
        return View();
    }

    /// <summary>What <see cref="QuoteCustom"/> answers; by default a plain formula, not the Engine's rounding.</summary>
    public Func<CustomOffer, long, string?> Quote { get; set; } =
        (offer, credits) => credits >= offer.MinCredits ? $"${credits * offer.PricePerCredit / 100m:0.00}" : null;

    public string? QuoteCustom(CustomOffer offer, long credits) => Quote(offer, credits);

    public Task<BuyOutcome> BuyAsync(WidgetRequest request, BuyChoice choice, CancellationToken ct)
    {
        Bought.Add(choice);
        return Task.FromResult(new BuyOutcome("cs_test_1", "https://checkout.test/cs_test_1", choice.Credits ?? 100, null));
    }

    /// <summary>The checkouts <see cref="ResumeAsync"/> knows as this client's (where each stands is <see cref="Progress"/>).</summary>
    public Dictionary<string, BuyOutcome> Open { get; } = [];

    public Task<BuyOutcome?> ResumeAsync(WidgetRequest request, string checkoutId, CancellationToken ct) =>
        Task.FromResult(Open.GetValueOrDefault(checkoutId));

    /// <summary>How many of the next <see cref="ProgressAsync"/> reads fail, as a database that is briefly away would.</summary>
    public int FailingProgressReads { get; set; }

    public Task<PurchaseProgress> ProgressAsync(WidgetRequest request, string checkoutId, CancellationToken ct) =>
        FailingProgressReads-- > 0
            ? Task.FromException<PurchaseProgress>(new TimeoutException("The database did not answer in time."))
            : Task.FromResult(Progress);
}
