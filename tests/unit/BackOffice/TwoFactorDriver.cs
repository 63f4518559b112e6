using System.Net;
using System.Text.RegularExpressions;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>What a person does with two-step sign-in in the back office: read the key, enter codes, sign in with them.</summary>
public static partial class TwoFactorDriver
{
    public const string SetupPage = "/admin/account/two-factor";

    /// <summary>Reads the key the setup page shows, turns two-step sign-in on with the app's code; returns the key and the recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> TurnOnAsync(this Browser browser)
    {
        var page = await browser.GetAsync(SetupPage);
        page.Status.ShouldBe(HttpStatusCode.OK);
        var key = KeyOn(page.Html);
        var response = await browser.SubmitAsync(SetupPage, SetupPage, ("_handler", "two-factor-enable"), ("Enable.Value", Totp.Code(key, DateTimeOffset.UtcNow)));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        html.ShouldContain("Two-step sign-in is on.");
        return (key, RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList());
    }

    public static string KeyOn(string html)
    {
        var key = Key().Match(html);
        key.Success.ShouldBeTrue("the setup page shows the key to type");
        return key.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>The password step, from a browser of its own; answers where it leads.</summary>
    public static async Task<(Browser Browser, Uri? Next)> PasswordStepAsync(this ApiFixture api, string email, string password)
    {
        var browser = api.BrowserOfItsOwnAddress();
        var response = await browser.SubmitAsync("/admin/login", "/admin/login", ("_handler", "login"), ("Input.Email", email), ("Input.Password", password));
        return (browser, response.Headers.Location);
    }

    public static Task<HttpResponseMessage> CodeStepAsync(this Browser browser, string code) =>
        browser.SubmitAsync("/admin/login/code", "/admin/login/code", ("_handler", "login-code"), ("Code.Value", code));

    public static Task<HttpResponseMessage> RecoveryStepAsync(this Browser browser, string code) =>
        browser.SubmitAsync("/admin/login/code", "/admin/login/code", ("_handler", "login-recovery"), ("Recovery.Value", code));

    [GeneratedRegex("aria-label=\"Key for your authenticator app\">([a-z0-9 ]+)</code>")]
    private static partial Regex Key();

    [GeneratedRegex(@"<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCode();
}
