using System.Net;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>Issue 16: /admin/plans → name "Basic" → Create plan answered a raw JSON 400 (the new-plan form posts an empty id).</summary>
public sealed class PlanPageTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task CreatePlan_NamedBasic_RedirectsToThePlanListedWithItsFeatures()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var created = await owner.SubmitAsync("/admin/plans", "/admin/plans/save", ("id", ""), ("name", "Basic"), ("features", "Widget"), ("features", "Reports"));
        var page = WebUtility.HtmlDecode((await owner.GetAsync(created.Headers.Location!.ToString())).Html);
        var listed = await (await agency.Client.GetAsync("/api/v1/plans", Ct)).ExpectAsync(HttpStatusCode.OK);

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.Headers.Location!.ToString().ShouldBe("/admin/plans?notice=saved");
        page.ShouldContain("<h2>Basic</h2>");
        page.ShouldContain("Switches on: Widget, Reports");
        listed.GetProperty("data").EnumerateArray().ShouldHaveSingleItem().GetProperty("name").GetString().ShouldBe("Basic");
    }

    [Fact]
    public async Task CreatePlan_WithoutAName_SaysSoInWords()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var refused = await owner.SubmitAsync("/admin/plans", "/admin/plans/save", ("id", ""), ("name", " "));
        var page = WebUtility.HtmlDecode((await owner.GetAsync(refused.Headers.Location!.ToString())).Html);

        refused.Headers.Location!.ToString().ShouldBe("/admin/plans?notice=plan-name");
        page.ShouldContain("Give the plan a name of 1 to 80 characters.");
    }
}
