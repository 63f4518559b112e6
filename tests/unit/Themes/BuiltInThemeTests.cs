using System.Globalization;
using System.Text.Json.Nodes;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Preview;
using ResellerKit.Themes.Views;

namespace ResellerKit.Tests.Unit.Themes;

public sealed class BuiltInThemeTests
{
    private readonly ThemeTestKit kit = new();

    public static TheoryData<string> Themes => new(BuiltInThemes.Names);

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Index_DemoData_ShowsEveryPackWithPriceBadgeAndBuyForm(string name)
    {
        var html = await RenderAsync(name, "index", DemoStorefront.Page("index"));

        html.ShouldContain("<a class=\"skip-link\" href=\"#main\">Skip to content</a>");
        html.ShouldContain("<main id=\"main\"");
        html.ShouldContain("<header");
        html.ShouldContain("<nav aria-label=\"Main\">");
        html.ShouldContain("<footer");
        html.ShouldContain("<p class=\"pack-price\">$15.00</p>");
        html.ShouldContain("<p class=\"pack-price\">$200.00</p>");
        html.ShouldContain("<p class=\"badge\">Most popular</p>");
        html.ShouldContain("2,000 credits");
        html.ShouldContain("aria-label=\"Buy Growth\"");
        html.ShouldContain("<form method=\"post\" action=\"/checkout\">");
        html.ShouldContain("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"demo-csrf-token\">");
        html.ShouldContain("<input type=\"hidden\" name=\"packId\" value=\"pack_scale\">");
        html.ShouldContain("<label for=\"custom-credits\">Number of credits</label>");
        html.ShouldMatch("/assets/theme.css\\?v=[0-9a-f]{16}");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Index_GermanShop_TranslatesCopyAndFormatsMoney(string name)
    {
        var page = DemoStorefront.Page("index", locale: "de-DE") with { Shop = DemoStorefront.Shop("de-DE", "eur") };
        page = page with { Packs = DemoStorefront.Packs("eur") };

        var html = await RenderAsync(name, "index", page);

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

        var html = System.Net.WebUtility.HtmlDecode(await RenderAsync(name, "index", page, PricePerCreditShown()));

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

        var html = System.Net.WebUtility.HtmlDecode(await RenderAsync(name, "index", page, PricePerCreditShown()));

        html.ShouldContain("¥1,500");
        html.ShouldContain("¥1.5 per credit");
        html.ShouldContain("1,000 credits");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Header_WideLogo_IsSizedByHeightWithItsOwnWidth(string name)
    {
        var html = await RenderAsync(name, "index", DemoStorefront.Page("index"));
        var css = BuiltInThemes.Files(name)!["assets/theme.css"];

        html.ShouldContain("<img class=\"brand-logo\" src=\"https://cdn.example.com/northwind/logo.svg\" alt=\"\" height=\"32\">");
        html.ShouldNotContain("width=\"32\"");
        css.ShouldContain(".brand-logo { height: 2rem; width: auto; max-width: min(10rem, 40vw);");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Account_ResellingCustomer_ShowsBalanceUsageHistoryAndPurchases(string name)
    {
        var html = await RenderAsync(name, "account", DemoStorefront.Page("account", DemoStorefront.Customer()));

        html.ShouldContain("<dt>Balance</dt><dd>340 credits</dd>");
        html.ShouldContain("<dt>Used this month</dt><dd>160 credits</dd>");
        html.ShouldContain("<td data-label=\"Description\">AI replies · Spring launch</td><td data-label=\"Credits\" class=\"num\">-40</td>");
        html.ShouldContain("<td data-label=\"Credits\" class=\"num\">+500</td>");
        html.ShouldContain("<td data-label=\"Amount\" class=\"num\">$60.00</td><td data-label=\"Status\">Paid</td>");
        html.ShouldNotContain("paused");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Account_OnAPhone_PurchasesAndHistoryStackWithEachValueNamedByItsColumn(string name)
    {
        var html = await RenderAsync(name, "account", DemoStorefront.Page("account", DemoStorefront.Customer()));
        var css = BuiltInThemes.Files(name)!["assets/theme.css"];
        var phone = css[css.IndexOf("@media (max-width: 40rem)", StringComparison.Ordinal)..];

        System.Text.RegularExpressions.Regex.Count(html, "<table class=\"stack\">").ShouldBe(2);
        html.ShouldContain("<td data-label=\"Date\">");
        html.ShouldContain("<td data-label=\"Status\">Paid</td>");
        phone.ShouldContain("table.stack td::before { content: attr(data-label);");
        phone.ShouldContain("table.stack thead { position: absolute;");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Account_SharedCustomer_ShowsUsageButNeverABalance(string name)
    {
        var html = await RenderAsync(name, "account", DemoStorefront.Page("account", DemoStorefront.Customer(CustomerView.SharedMode)));

        html.ShouldNotContain("Balance");
        html.ShouldContain("<dt>Used this month</dt><dd>160 credits</dd>");
        html.ShouldContain("Your usage is covered by Northwind Growth.");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Account_PausedCustomer_ShowsPausedNotice(string name)
    {
        var html = await RenderAsync(name, "account", DemoStorefront.Page("account", DemoStorefront.Customer(paused: true)));

        html.ShouldContain("Your account is paused. Contact Northwind Growth to resume it.");
    }

    [Theory]
    [InlineData("aurora", PageView.Pending, null, null, "Payment received — your credits are on the way.")]
    [InlineData("slate", PageView.Fulfilled, 500L, 840L, "500 credits added, new balance 840.")]
    [InlineData("aurora", PageView.Fulfilled, 500L, null, "500 credits added.")]
    [InlineData("slate", PageView.Canceled, null, null, "Checkout cancelled")]
    [InlineData("aurora", "still_open", null, null, "This checkout is still open")]
    [InlineData("slate", "still_open", null, null, "Nothing was cancelled and nothing was charged.")]
    public async Task CheckoutReturn_EachState_ShowsItsMessage(string name, string state, long? added, long? balance, string expected)
    {
        var page = new PageView("Checkout", "checkout-return", CheckoutState: state, CreditsAdded: added, NewBalance: balance);

        var html = await RenderAsync(name, "checkout-return", DemoStorefront.Page("checkout-return", DemoStorefront.Customer(), page));

        html.ShouldContain(expected);
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task SignIn_SignedOut_HasLabelledPasswordAndMagicLinkForms(string name)
    {
        var html = await RenderAsync(name, "sign-in", DemoStorefront.Page("sign-in"));

        html.ShouldContain("<form method=\"post\" action=\"/sign-in\">");
        html.ShouldContain("<label for=\"sign-in-email\">Email</label>");
        html.ShouldContain("<input id=\"sign-in-password\" name=\"password\" type=\"password\"");
        html.ShouldContain("<form method=\"post\" action=\"/magic-link\">");
        html.ShouldContain("<label for=\"magic-email\">Email</label>");
        html.ShouldContain("Email me a sign-in link");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Magic_EmailedLinkOpened_HasOneSignInButtonCarryingTheToken(string name)
    {
        var page = new PageView("Northwind", "magic", LinkToken: "ml_a&b");

        var html = await RenderAsync(name, "magic", DemoStorefront.Page("magic", page: page));

        html.ShouldContain("<form method=\"post\" action=\"/magic\">");
        html.ShouldContain("<input type=\"hidden\" name=\"token\" value=\"ml_a&amp;b\">");
        html.ShouldContain("<button type=\"submit\" class=\"button\">Sign in</button>");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task NotFound_Renders404Page(string name)
    {
        var html = await RenderAsync(name, "404", DemoStorefront.Page("404"));

        html.ShouldContain("<h1>Page not found</h1>");
    }

    [Fact]
    public async Task Themes_SameData_AreVisiblyDifferent()
    {
        var aurora = await RenderAsync(BuiltInThemes.Aurora, "index", DemoStorefront.Page("index"));
        var slate = await RenderAsync(BuiltInThemes.Slate, "index", DemoStorefront.Page("index"));

        aurora.ShouldContain("--bg: #f6f7fb;");
        aurora.ShouldContain("--radius: 16px;");
        slate.ShouldContain("--bg: #0f172a;");
        slate.ShouldContain("--radius: 0px;");
        slate.ShouldContain("--font-heading: Iowan Old Style");
        BuiltInThemes.Files(BuiltInThemes.Aurora)!["assets/theme.css"].ShouldNotBe(BuiltInThemes.Files(BuiltInThemes.Slate)!["assets/theme.css"]);
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public void Css_PhoneWidth_CollapsesGridsToOneColumnAndShowsFocus(string name)
    {
        var css = BuiltInThemes.Files(name)!["assets/theme.css"];

        css.ShouldContain("@media (max-width: 40rem)");
        css.ShouldContain("grid-template-columns: 1fr;");
        css.ShouldContain(":focus-visible { outline: 3px solid var(--accent);");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public void DefaultColours_MeetWcagAaContrast(string name)
    {
        var defaults = JsonNode.Parse(BuiltInThemes.Files(name)!["config/settings_schema.json"])!.AsArray()
            .SelectMany(g => g!["settings"]!.AsArray())
            .Where(s => (string?)s!["type"] == "color")
            .ToDictionary(s => (string)s!["id"]!, s => (string)s!["default"]!);

        Contrast(defaults["text_color"], defaults["background_color"]).ShouldBeGreaterThanOrEqualTo(4.5);
        Contrast(defaults["text_color"], defaults["surface_color"]).ShouldBeGreaterThanOrEqualTo(4.5);
        Contrast(defaults["accent_text_color"], defaults["accent_color"]).ShouldBeGreaterThanOrEqualTo(4.5);
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Settings_AgencyAccentAndRichText_AppliedAndSanitised(string name)
    {
        var theme = ThemeSource.Create("agency-x", name, settings: new JsonObject
        {
            ["accent_color"] = "#be123c",
            ["footer_richtext"] = "<p>Hi <strong>there</strong><script>alert(1)</script> <a href=\"https://example.com\">site</a></p>",
        });

        var result = await kit.Renderer.RenderAsync(theme, "templates/index.liquid", DemoStorefront.Page("index"), Ct);

        result.Html!.ShouldContain("--accent: #be123c;");
        result.Html!.ShouldContain("<p>Hi <strong>there</strong>&lt;script&gt;alert(1)&lt;/script&gt; <a href=\"https://example.com\" rel=\"nofollow noopener\">site</a></p>");
    }

    private async Task<string> RenderAsync(string theme, string template, StorefrontView model, JsonObject? settings = null)
    {
        var result = await kit.Renderer.RenderAsync(ThemeSource.Create("agency-demo", theme, settings: settings), ThemePaths.Template(template), model, Ct);
        result.Error.ShouldBeNull();
        return result.Html!;
    }

    private static JsonObject PricePerCreditShown() => new() { ["show_price_per_credit"] = true };

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }
}
