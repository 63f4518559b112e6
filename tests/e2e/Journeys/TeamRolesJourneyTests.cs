using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Journeys;

/// <summary>
/// Issue 13's team roles in Chromium: the demo owner invites an admin and a Packs-only member; each accepts by email
/// and signs in. The admin cannot touch the owner; the member's dashboard shows none of the pool, the money or the
/// usage per client. Every page is looked at by each role at 1280 and 375 px (artifacts/screenshots/issue13-*.png).
/// </summary>
[Collection(nameof(DemoCollection))]
public sealed class TeamRolesJourneyTests(DemoStorefront demo, Chromium chromium) : IDisposable
{
    private const string Password = "Team-Journey-Pass-1234";
    private readonly DemoJourney journey = new(demo, chromium);

    [Fact]
    public async Task TeamRoles_AnAdminAndAPacksOnlyMember_SeeAndChangeOnlyWhatTheirRoleAllows()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var adminEmail = $"alex-{suffix}@brightside.example";
        var memberEmail = $"pat-{suffix}@brightside.example";
        var owner = await journey.SignInToBackOfficeAsync(DemoJourney.Owner, demo.PasswordOf(DemoJourney.Owner));
        await owner.GotoAsync(journey.Url("/admin/team"));

        await TeamInvitations.InviteAsync(owner, "Alex Admin", "alex@nowhere", "Admin");
        await Assertions.Expect(owner.GetByText("Enter a valid email address")).ToBeVisibleAsync();
        await Chromium.ScreenshotsAsync(owner, "issue13-team-owner-bad-email");
        await TeamInvitations.InviteAsync(owner, "Alex Admin", adminEmail, "Admin");
        await Assertions.Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync($"Invitation emailed to {adminEmail}");
        await TeamInvitations.InviteAsync(owner, "Pat Packs", memberEmail, "Member", areas: ["Packs"]);
        await Assertions.Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync($"Invitation emailed to {memberEmail}");
        await Chromium.ScreenshotsAsync(owner, "issue13-team-owner");

        var admin = await AcceptInviteAsync(adminEmail);
        await admin.GotoAsync(journey.Url("/admin/team"));
        var ownerRow = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = DemoJourney.Owner });
        await Assertions.Expect(ownerRow).ToContainTextAsync("only an owner can change an owner");
        await Assertions.Expect(ownerRow.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        var adminRow = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = adminEmail });
        await Assertions.Expect(adminRow.GetByRole(AriaRole.Option, new() { Name = "Owner" })).ToHaveCountAsync(0);
        await Chromium.ScreenshotsAsync(admin, "issue13-team-admin");
        await admin.GotoAsync(journey.Url("/admin"));
        await Assertions.Expect(admin.GetByRole(AriaRole.Term).Filter(new() { HasText = "Pool balance" })).ToBeVisibleAsync();
        await Chromium.ScreenshotsAsync(admin, "issue13-dashboard-admin");

        var member = await AcceptInviteAsync(memberEmail);
        await member.GotoAsync(journey.Url("/admin"));
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Term)).ToHaveCountAsync(0);
        await Assertions.Expect(member.GetByText("Your role opens no figures on this dashboard")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Link, new() { Name = "Packs & pricing" })).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Link, new() { Name = "Sub-accounts" })).ToHaveCountAsync(0);
        await Chromium.ScreenshotsAsync(member, "issue13-dashboard-packs-member");
        await member.GotoAsync(journey.Url("/admin/team"));
        await Assertions.Expect(member.GetByText("Only the agency's owners and admins manage the team.")).ToBeVisibleAsync();
        await Chromium.ScreenshotsAsync(member, "issue13-team-packs-member");
        await member.GotoAsync(journey.Url("/admin/packs"));
        await Assertions.Expect(member.GetByLabel("Currency", new() { Exact = true }).First).ToContainTextAsync("USD");
        await Chromium.ScreenshotsAsync(member, "issue13-packs-packs-member");

        await owner.GotoAsync(journey.Url("/admin"));
        await Assertions.Expect(owner.GetByRole(AriaRole.Term).Filter(new() { HasText = "Pool balance" })).ToBeVisibleAsync();
        await Chromium.ScreenshotsAsync(owner, "issue13-dashboard-owner");
    }

    // The invitee opens the emailed link in a browser of its own, sets a password, and signs in with it.
    private async Task<IPage> AcceptInviteAsync(string email)
    {
        var accepted = await new TeamInvitations(demo, chromium, journey).AcceptAsync(email, Password);
        await accepted.Context.CloseAsync();
        return await journey.SignInToBackOfficeAsync(email, Password);
    }


    public void Dispose() => journey.Dispose();
}
