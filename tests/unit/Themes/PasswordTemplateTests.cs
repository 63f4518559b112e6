using System.Text.RegularExpressions;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Preview;
using ResellerKit.Themes.Views;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary>
/// Both built-in themes have a change-password page in English and German: the rules in words, each refused field's
/// error next to it, the confirmation after a change, and no locale key left untranslated.
/// </summary>
public sealed partial class PasswordTemplateTests
{
    private readonly ThemeTestKit kit = new();

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "aurora", "en-US", "That is not your current password.", "At least 12 characters" },
        { "slate", "en-US", "That is not your current password.", "At least 12 characters" },
        { "aurora", "de-DE", "Das ist nicht Ihr aktuelles Passwort.", "Mindestens 12 Zeichen" },
        { "slate", "de-DE", "Das ist nicht Ihr aktuelles Passwort.", "Mindestens 12 Zeichen" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PasswordPage_WrongCurrentPassword_ShowsTheThemesWordsNextToTheField(string theme, string locale, string error, string rules)
    {
        var page = new PageView("Shop", "password", InvalidFields: ["current_password"]);

        var html = await RenderAsync(theme, DemoStorefront.Page("password", DemoStorefront.Customer(), page, locale));

        html.ShouldContain(error);
        html.ShouldContain(rules);
        html.ShouldContain("name=\"current_password\"");
        html.ShouldContain("aria-describedby=\"current-password-error\"");
        html.ShouldNotContain("new-password-error\"");
        LocaleKey().IsMatch(html).ShouldBeFalse(LocaleKey().Match(html).Value);
    }

    [Theory]
    [InlineData("aurora", "en-US", "Your password was changed.")]
    [InlineData("slate", "de-DE", "Ihr Passwort wurde geändert.")]
    public async Task PasswordPage_Changed_SaysSoAndOffersTheWayBack(string theme, string locale, string words)
    {
        var page = new PageView("Shop", "password", Outcome: "changed");

        var html = await RenderAsync(theme, DemoStorefront.Page("password", DemoStorefront.Customer(), page, locale));

        html.ShouldContain(words);
        html.ShouldNotContain("name=\"new_password\"");
    }

    [Theory]
    [InlineData("aurora")]
    [InlineData("slate")]
    public async Task AccountPage_SignedIn_LinksToChangePassword(string theme)
    {
        var html = await RenderAsync(theme, DemoStorefront.Page("account", DemoStorefront.Customer()), "account");

        html.ShouldContain("/password\">Change my password</a>");
    }

    private Task<string> RenderAsync(string theme, StorefrontView model, string template = "password") => kit.BuiltInHtmlAsync(theme, template, model);

    // Text between tags that looks like a locale key (password.errors.new_password).
    [GeneratedRegex(@">\s*[a-z_]+\.[a-z_]+(\.[a-z_]+)*\s*<")]
    private static partial Regex LocaleKey();
}
