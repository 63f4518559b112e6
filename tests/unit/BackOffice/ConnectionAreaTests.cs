using System.Net;
using System.Text.RegularExpressions;
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

    // The areas of the first role picker on the page.
    private static List<string> Offered(string html)
    {
        var picker = html[html.IndexOf("<fieldset class=\"role-picker\">", StringComparison.Ordinal)..];
        picker = picker[..picker.IndexOf("</fieldset>", StringComparison.Ordinal)];
        return [.. Area().Matches(picker).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("name=\"areas\" value=\"([A-Za-z]+)\"")]
    private static partial Regex Area();
}
