using System.Net;
using System.Net.Http.Headers;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// A crafted POST of a form the page does not show its caller (a Reports-only member posting the team's invite form)
/// keeps its 400 but answers with the product's error page in words and the stable code <c>form_not_on_page</c>, never
/// the framework's developer text; and nothing is done.
/// </summary>
public sealed class FormNotOnPageTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task InviteForm_PostedByAReportsOnlyMember_Answers400PageInWordsWithItsCode()
    {
        var agency = await api.CreateAgencyAsync();
        var member = await api.AddTeamMemberAsync(agency, MembershipRole.Member, Areas.Reports);
        var browser = await api.SignInBackOfficeAsync(member.Email, member.Password);
        browser.Client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var posted = await browser.SubmitAsync("/admin/team", "/admin/team", ("_handler", "invite"), ("Input.Name", "Crafted"),
            ("Input.Email", $"crafted@{agency.Slug}.example"), ("role", "Member"), ("areas", "Packs"));
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync(Ct));

        posted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        posted.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        html.ShouldContain("<h1>This form is not on the page</h1>");
        html.ShouldContain("your role may not include it");
        html.ShouldContain("Error 400 · form_not_on_page");
        html.ShouldNotContain("Cannot submit the form");
        posted.Headers.GetValues("Content-Security-Policy").ShouldContain(p => p.Contains("frame-ancestors 'none'")); // as every back-office page
        posted.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await (await api.SignInOwnerAsync(agency)).GetAsync("/admin/team")).Html.ShouldNotContain("Crafted");
    }

    [Fact]
    public async Task InviteForm_PostedByAReportsOnlyMemberWithoutAskingForHtml_AnswersAProblemWithItsCode()
    {
        var agency = await api.CreateAgencyAsync();
        var member = await api.AddTeamMemberAsync(agency, MembershipRole.Member, Areas.Reports);
        var browser = await api.SignInBackOfficeAsync(member.Email, member.Password);

        var posted = await browser.SubmitAsync("/admin/team", "/admin/team", ("_handler", "invite"), ("Input.Name", "Crafted"),
            ("Input.Email", $"crafted@{agency.Slug}.example"), ("role", "Member"), ("areas", "Packs"));

        await posted.ExpectProblemAsync(HttpStatusCode.BadRequest, "form_not_on_page");
    }
}
