using System.Net;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// The invitation and reset page opened from a cut or mangled link: words that say what to do, never a form that
/// cannot work nor a 500 (found by the back-office walk: a posted user id that was not an id answered 500).
/// </summary>
public sealed class SetPasswordPageTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("/admin/accept-invite")]
    [InlineData("/admin/reset-password?user=01a2476b-d5a1-7a52-9b57-a48ca581ea64")]
    public async Task SetPasswordPage_WithoutTheLinksUserAndToken_SaysTheLinkIsIncompleteWithoutAForm(string url)
    {
        var browser = Browser.Open(api);

        var (status, html) = await browser.GetAsync(url);

        status.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(html).ShouldContain("This link is incomplete. Open the whole link from your email again, or ask for a new one.");
        html.ShouldNotContain("name=\"Input.Password\"");
    }

    [Theory]
    [InlineData("not-a-user-id")]
    [InlineData("01a2476b-d5a1-7a52-9b57-a48ca581ea64")]
    public async Task SetPasswordPage_PostedWithAUserThatIsNoUser_SaysTheLinkIsNotValid(string user)
    {
        var browser = Browser.Open(api);
        var page = $"/admin/accept-invite?user={user}&token=expired";

        var posted = await browser.SubmitAsync(page, page, ("_handler", "set-password"),
            ("Input.UserId", user), ("Input.Token", "expired"), ("Input.Password", "Walk-Member-Pass-2026"));
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync(Ct));

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("This link is not valid. Ask for a new one.");
    }
}
