using ResellerKit.Themes.Email;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Preview;
using ResellerKit.Themes.Views;

namespace ResellerKit.Tests.Unit.Themes;

public sealed class EmailRendererTests
{
    private readonly ThemeTestKit kit = new();

    private static readonly FooterView Footer = new(
        "Northwind Growth", "https://cdn.example.com/logo.png", "Hauptstr. 1\n10115 Berlin", "help@northwind.example", "Thanks for growing with us.",
        "https://northwind.example/unsubscribe");

    private static EmailView Model(string locale = "en-US") => new(
        DemoStorefront.Shop(locale), Footer, "Ada <Lovelace>", "ada@client.example",
        ActionUrl: "https://northwind.example/go?t=1&u=2", ExpiresAt: DemoStorefront.Today.AddHours(1), Password: "S3cret-Initial",
        OtherParty: "Contoso", Reason: "Contract ended", PackName: "Growth", Credits: 500, Balance: 40, Threshold: 50,
        Amount: new MoneyView(6000, "usd"), Reference: "pi_123");

    public static TheoryData<EmailMessageKind> Kinds => new(Enum.GetValues<EmailMessageKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RenderAsync_EveryKind_HasSubjectHtmlTextAndFooter(EmailMessageKind kind)
    {
        var email = await kit.Emails.RenderAsync(null, kind, Model(), Ct);

        email.Subject.ShouldNotBeNullOrWhiteSpace();
        email.Subject.ShouldNotContain("{");
        email.Html.ShouldContain("Hello Ada &lt;Lovelace&gt;,");
        email.Text.ShouldContain("Hello Ada <Lovelace>,");
        email.Html.ShouldContain("Hauptstr. 1<br>10115 Berlin");
        email.Text.ShouldEndWith(kind == EmailMessageKind.LowBalance
            ? "Unsubscribe: https://northwind.example/unsubscribe\n"
            : "Thanks for growing with us.\n");
        email.OverrideError.ShouldBeNull();
    }

    [Fact]
    public async Task RenderAsync_NonTransactional_HasUnsubscribeLinkOnlyThen()
    {
        var lowBalance = await kit.Emails.RenderAsync(null, EmailMessageKind.LowBalance, Model(), Ct);
        var reset = await kit.Emails.RenderAsync(null, EmailMessageKind.PasswordReset, Model(), Ct);

        lowBalance.Html.ShouldContain("<a href=\"https://northwind.example/unsubscribe\"");
        reset.Html.ShouldNotContain("unsubscribe");
        reset.Text.ShouldNotContain("Unsubscribe");
    }

    [Theory]
    [InlineData("en-US", "2,500 credits", "Credits: 2,500")]
    [InlineData("de-DE", "2.500 Credits", "Credits: 2.500")]
    public async Task RenderAsync_PurchaseReceipt_WritesCreditsAsTheLocaleWritesNumbers(string locale, string subject, string line)
    {
        var email = await kit.Emails.RenderAsync(null, EmailMessageKind.PurchaseReceipt, Model(locale) with { Credits = 2_500 }, Ct);

        email.Subject.ShouldContain(subject);
        email.Text.ShouldContain(line);
    }

    [Fact]
    public async Task RenderAsync_PurchaseReceiptInGerman_TranslatesAndFormatsMoney()
    {
        var email = await kit.Emails.RenderAsync(null, EmailMessageKind.PurchaseReceipt, Model("de-DE"), Ct);

        email.Subject.ShouldBe("Beleg: 500 Credits von Northwind Growth");
        email.Text.ShouldContain("Betrag: 60,00 $");
    }

    [Fact]
    public async Task RenderAsync_SubAccountCredentials_ShowsPasswordAndSignInLink()
    {
        var email = await kit.Emails.RenderAsync(null, EmailMessageKind.SubAccountCredentials, Model(), Ct);

        email.Text.ShouldContain("Password: S3cret-Initial");
        email.Html.ShouldContain("href=\"https://northwind.example/go?t=1&amp;u=2\"");
        email.Text.ShouldContain("https://northwind.example/go?t=1&u=2");
    }

    [Fact]
    public async Task RenderAsync_AgencyOverrideThatHidesFooter_StillEndsWithFooter()
    {
        var theme = ThemeSource.Create("agency-mail", BuiltInThemes.Aurora, new Dictionary<string, string>
        {
            ["email/purchase-receipt.liquid"] = "{% capture subject %}Thanks{% endcapture %}{% capture text %}Thanks{% endcapture %}<p>Custom</p><!-- hide the rest",
        });

        var email = await kit.Emails.RenderAsync(theme, EmailMessageKind.PurchaseReceipt, Model(), Ct);

        email.Subject.ShouldBe("Thanks");
        email.Html.ShouldContain("<p>Custom</p><!-- hide the rest -->");
        email.Html.IndexOf("<footer", StringComparison.Ordinal).ShouldBeGreaterThan(email.Html.IndexOf("-->", StringComparison.Ordinal));
        email.Text.ShouldContain("Northwind Growth\nHauptstr. 1");
    }

    [Fact]
    public async Task RenderAsync_BrokenOverride_FallsBackToBuiltInAndReportsError()
    {
        var theme = ThemeSource.Create("agency-mail", BuiltInThemes.Aurora, new Dictionary<string, string>
        {
            ["email/password-reset.liquid"] = "{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}",
        });

        var email = await kit.Emails.RenderAsync(theme, EmailMessageKind.PasswordReset, Model(), Ct);

        email.Subject.ShouldBe("Reset your Northwind Growth password");
        email.OverrideError!.Path.ShouldBe("email/password-reset.liquid");
        email.OverrideError.Message.ShouldContain("100,000 steps");
    }

    [Fact]
    public void EmailFooter_Render_EscapesEveryValue()
    {
        var footer = EmailFooter.Render(Footer with { DisplayName = "<b>Evil</b>", LogoUrl = "javascript:alert(1)", UnsubscribeUrl = null });

        footer.Html.ShouldContain("<strong>&lt;b&gt;Evil&lt;/b&gt;</strong>");
        footer.Html.ShouldNotContain("javascript:");
        footer.Text.ShouldBe("--\n<b>Evil</b>\nHauptstr. 1\n10115 Berlin\nhelp@northwind.example\n\nThanks for growing with us.\n");
    }
}
