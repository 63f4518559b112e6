using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Preview;
using ResellerKit.Themes.Views;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary>Each built-in theme's pages, on the demo data: what every page must show, and nothing it must not.</summary>
public sealed class BuiltInThemeTests
{
    private readonly ThemeTestKit kit = new();

    public static TheoryData<string> Themes => new(BuiltInThemes.Names);

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Index_DemoData_ShowsEveryPackWithPriceBadgeAndBuyForm(string name)
    {
        var html = await kit.BuiltInHtmlAsync(name, "index", DemoStorefront.Page("index"));

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
    public async Task Header_WideLogo_IsSizedByHeightWithItsOwnWidth(string name)
    {
        var html = await kit.BuiltInHtmlAsync(name, "index", DemoStorefront.Page("index"));
        var css = BuiltInThemes.Files(name)!["assets/theme.css"];

        html.ShouldContain("<img class=\"brand-logo\" src=\"https://cdn.example.com/northwind/logo.svg\" alt=\"\" height=\"32\">");
        html.ShouldNotContain("width=\"32\"");
        css.ShouldContain(".brand-logo { height: 2rem; width: auto; max-width: min(10rem, 40vw);");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Account_ResellingCustomer_ShowsBalanceUsageHistoryAndPurchases(string name)
    {
        var html = await kit.BuiltInHtmlAsync(name, "account", DemoStorefront.Page("account", DemoStorefront.Customer()));

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
        var html = await kit.BuiltInHtmlAsync(name, "account", DemoStorefront.Page("account", DemoStorefront.Customer()));
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
        var html = await kit.BuiltInHtmlAsync(name, "account", DemoStorefront.Page("account", DemoStorefront.Customer(CustomerView.SharedMode)));

        html.ShouldNotContain("Balance");
        html.ShouldContain("<dt>Used this month</dt><dd>160 credits</dd>");
        html.ShouldContain("Your usage is covered by Northwind Growth.");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Account_PausedCustomer_ShowsPausedNotice(string name)
    {
        var html = await kit.BuiltInHtmlAsync(name, "account", DemoStorefront.Page("account", DemoStorefront.Customer(paused: true)));

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

        var html = await kit.BuiltInHtmlAsync(name, "checkout-return", DemoStorefront.Page("checkout-return", DemoStorefront.Customer(), page));

        html.ShouldContain(expected);
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task SignIn_SignedOut_HasLabelledPasswordAndMagicLinkForms(string name)
    {
        var html = await kit.BuiltInHtmlAsync(name, "sign-in", DemoStorefront.Page("sign-in"));

        html.ShouldContain("<form method=\"post\" action=\"/sign-in\">");
        html.ShouldContain("<label for=\"sign-in-email\">Email</label>");
        html.ShouldContain("<input id=\"sign-in-password\" name=\"password\" type=\"password\"");
        html.ShouldContain("<form method=\"post\" action=\"/magic-link\">");
        html.ShouldContain("<label for=\"magic-email\">Email</label>");
        html.ShouldContain("Email me a sign-in link");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Magic_EmailedLinkOpened_HasOneSignInButtonAndNoToken(string name)
    {
        var page = new PageView("Northwind", "magic");

        var html = await kit.BuiltInHtmlAsync(name, "magic", DemoStorefront.Page("magic", page: page));

        html.ShouldContain("<form method=\"post\" action=\"/magic\">");
        html.ShouldNotContain("name=\"token\"");
        html.ShouldContain("<button type=\"submit\" class=\"button\">Sign in</button>");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task NotFound_Renders404Page(string name)
    {
        var html = await kit.BuiltInHtmlAsync(name, "404", DemoStorefront.Page("404"));

        html.ShouldContain("<h1>Page not found</h1>");
    }
}
