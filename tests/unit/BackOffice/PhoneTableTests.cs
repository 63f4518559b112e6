using System.Net;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// On a phone the team and the audit log stack each row as a card, each value named by its column, as packs,
/// purchases and transactions do (admin.css, <c>table.stack</c>); the layout itself is walked in Chromium by the e2e
/// <c>PhoneWidthTests</c>.
/// </summary>
public sealed class PhoneTableTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task TeamPage_OnAPhone_RowsStackWithEachValueNamedByItsColumn()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var html = WebUtility.HtmlDecode((await owner.GetAsync("/admin/team")).Html);

        html.ShouldContain("<table aria-label=\"Team members\" class=\"stack\">");
        html.ShouldContain("<td data-label=\"Email\">");
        html.ShouldContain("<td data-label=\"Role and areas\" class=\"block\">");
    }

    [Fact]
    public async Task AuditLog_OnAPhone_RowsStackWithEachValueNamedByItsColumn()
    {
        var agency = await api.CreateAgencyAsync();
        await agency.CreateSubAccountAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var html = WebUtility.HtmlDecode((await owner.GetAsync("/admin/audit")).Html);

        html.ShouldContain("<table aria-label=\"Audit log\" class=\"stack\">");
        html.ShouldContain("<td data-label=\"When\"><time");
        html.ShouldContain("<td data-label=\"What happened\" class=\"block\">");
    }
}
