using System.Text.Json.Nodes;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Preview;
using ResellerKit.Themes.Views;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary>Each built-in theme speaks the shop's locale: its copy, and money and numbers formatted as the widget formats them.</summary>
public sealed class BuiltInThemeLocaleTests
{
    private readonly ThemeTestKit kit = new();

    public static TheoryData<string> Themes => new(BuiltInThemes.Names);

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Index_GermanShop_TranslatesCopyAndFormatsMoney(string name)
    {
        var page = DemoStorefront.Page("index", locale: "de-DE") with { Shop = DemoStorefront.Shop("de-DE", "eur") };
        page = page with { Packs = DemoStorefront.Packs("eur") };

        var html = await kit.BuiltInHtmlAsync(name, "index", page);

        html.ShouldContain("<html lang=\"de-DE\">");
        html.ShouldContain("Zum Inhalt springen");
        html.ShouldContain("15,00 €");
        html.ShouldContain("aria-label=\"Growth kaufen\"");
    }

    [Theory]
    [InlineData("aurora", "en-US", "usd", "$0.15 per credit", "2,000 credits", "$0.125 per credit, from 50 to 100,000 credits.")]
    [InlineData("slate", "en-US", "usd", "$0.15 per credit", "2,000 credits", "$0.125 per credit, from 50 to 100,000 credits.")]
    [InlineData("aurora", "de-DE", "eur", "0,15 € pro Credit", "2.000 Credits", "0,125 € pro Credit, von 50 bis 100.000 Credits.")]
    [InlineData("slate", "de-DE", "eur", "0,15 € pro Credit", "2.000 Credits", "0,125 € pro Credit, von 50 bis 100.000 Credits.")]
    public async Task Index_PricesAndCounts_ReadAsMoneyAndNumbersOfTheLocaleAsTheWidgetDoes(
        string name, string locale, string currency, string perCredit, string credits, string customHint)
    {
        var page = DemoStorefront.Page("index", locale: locale) with
        {
            Shop = DemoStorefront.Shop(locale, currency), Packs = DemoStorefront.Packs(currency),
            CustomQuantity = new CustomQuantityView(12.5m, currency, 50, 100_000),
        };

        var html = System.Net.WebUtility.HtmlDecode(await kit.BuiltInHtmlAsync(name, "index", page, PricePerCreditShown()));

        html.ShouldContain(perCredit);
        html.ShouldContain(credits);
        html.ShouldContain(customHint);
        html.ShouldNotContain("cents");
        html.ShouldNotContain(" Cent ");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Index_YenPricePerCredit_ShowsWholeYenWithoutCents(string name)
    {
        var page = DemoStorefront.Page("index") with
        {
            Shop = DemoStorefront.Shop("en-US", "jpy"),
            Packs = [new("pack_yen", "Yen", 1000, new MoneyView(1500, "jpy"), "1.5", null, DemoStorefront.Urls.Checkout)],
        };

        var html = System.Net.WebUtility.HtmlDecode(await kit.BuiltInHtmlAsync(name, "index", page, PricePerCreditShown()));

        html.ShouldContain("¥1,500");
        html.ShouldContain("¥1.5 per credit");
        html.ShouldContain("1,000 credits");
    }

    private static JsonObject PricePerCreditShown() => new() { ["show_price_per_credit"] = true };
}
