using System.Net;
using System.Text.RegularExpressions;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>Issue 16: the role picker for a client-owned account offered agency areas (Packs, Theme) that such an account does not have.</summary>
public sealed partial class ConnectionAreaTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task ConnectionRequestRolePicker_ForAClientOwnedAccount_OffersOnlyItsAreas()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var connections = (await owner.GetAsync("/admin/connections")).Html;
        var team = (await owner.GetAsync("/admin/team")).Html;

        Offered(connections).ShouldBe(["Credits", "Reports", "Settings"]);
        Offered(team).ShouldContain("Packs"); // the agency's own team still has every area
        Offered(team).ShouldContain("Theme");
    }

    [Fact]
    public async Task TerminateContract_PostedByAMemberWithoutTheClientsArea_LeavesTheConnectionActive()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));
        var owner = await api.SignInOwnerAsync(agency);
        var connectionId = TerminateForm().Match((await owner.GetAsync("/admin/connections")).Html).Groups[1].Value;
        var member = await api.AddTeamMemberAsync(agency, MembershipRole.Member, Areas.Reports);
        var reports = await api.SignInBackOfficeAsync(member.Email, member.Password);

        var refused = await reports.SubmitAsync("/admin", $"/admin/connections/{connectionId}/terminate", ("reason", "Not mine to end"));
        var afterMember = (await owner.GetAsync("/admin/connections")).Html;
        var ended = await owner.SubmitAsync("/admin/connections", $"/admin/connections/{connectionId}/terminate", ("reason", "Ours to end"));

        connectionId.ShouldNotBeEmpty("the owner sees the contract with its Terminate form");
        refused.Headers.Location!.OriginalString.ShouldBe("/admin?notice=not-found");
        afterMember.ShouldContain($"/admin/connections/{connectionId}/terminate", customMessage: "the contract is still active");
        ended.Headers.Location!.OriginalString.ShouldBe("/admin/connections?notice=terminated");
    }

    // The areas of the first role picker on the page.
    private static List<string> Offered(string html)
    {
        var picker = html[html.IndexOf("<fieldset class=\"role-picker\">", StringComparison.Ordinal)..];
        picker = picker[..picker.IndexOf("</fieldset>", StringComparison.Ordinal)];
        return [.. Area().Matches(picker).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("/admin/connections/([0-9a-f-]{36})/terminate")]
    private static partial Regex TerminateForm();

    [GeneratedRegex("name=\"areas\" value=\"([A-Za-z]+)\"")]
    private static partial Regex Area();
}
