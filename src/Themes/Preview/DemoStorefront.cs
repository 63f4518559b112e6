using ResellerKit.Themes.Views;

namespace ResellerKit.Themes.Preview;

/// <summary>
/// Believable sample data for every page: the theme editor's preview, the lint's test render and the tests use it.
/// </summary>
public static class DemoStorefront
{
    public static readonly DateTimeOffset Today = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static AgencyBrandView Shop(string locale = "en-US", string currency = "usd") =>
        new("Northwind Growth", "northwind", "https://cdn.example.com/northwind/logo.svg", "#4338ca", "help@northwind.example",
            locale, currency, "Europe/Berlin");

    public static UrlsView Urls { get; } = new(
        "/", "/account", "/sign-in", "/sign-out", "/magic-link", "/checkout", "/assets");

    public static IReadOnlyList<PackView> Packs(string currency = "usd") =>
    [
        new("pack_starter", "Starter", 100, new MoneyView(1500, currency), "15", null, Urls.Checkout),
        new("pack_growth", "Growth", 500, new MoneyView(6000, currency), "12", "Most popular", Urls.Checkout),
        new("pack_scale", "Scale", 2000, new MoneyView(20000, currency), "10", "Best value", Urls.Checkout),
    ];

    public static CustomerView Customer(string creditMode = CustomerView.ResellingMode, bool paused = false) =>
        new("Ada Lovelace", "ada@client.example", creditMode, creditMode == CustomerView.ResellingMode ? 340 : null, 160, paused);

    public static IReadOnlyList<HistoryEntryView> History { get; } =
    [
        new(Today.AddDays(-1), "usage", -40, "AI replies", "Spring launch"),
        new(Today.AddDays(-3), "purchase", 500, "Growth pack", null),
        new(Today.AddDays(-9), "usage", -120, "Campaign send", "Newsletter March"),
    ];

    public static IReadOnlyList<PurchaseView> Purchases(string currency = "usd") =>
    [
        new(Today.AddDays(-3), 500, new MoneyView(6000, currency), "paid"),
        new(Today.AddDays(-40), 100, new MoneyView(1500, currency), "paid"),
    ];

    /// <summary>A page as the storefront would build it; signed out unless a customer is given.</summary>
    public static StorefrontView Page(string template, CustomerView? customer = null, PageView? page = null, string locale = "en-US") =>
        new(
            Shop(locale),
            Packs(),
            new CustomQuantityView(12.5m, "usd", 50, 100_000),
            customer,
            customer is null ? [] : History,
            customer is null ? [] : Purchases(),
            Urls,
            new CsrfView("__RequestVerificationToken", "demo-csrf-token"),
            page ?? new PageView(template, template));
}
