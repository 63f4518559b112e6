using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>
/// The owner invites a team member from /admin/team; the invitee opens the emailed link in a browser of its own,
/// sets a password and is signed in.
/// </summary>
public sealed partial class TeamInvitations(DemoStorefront demo, Chromium chromium, DemoJourney journey)
{
    public static async Task InviteAsync(IPage owner, string name, string email, string role, IReadOnlyList<string>? areas = null)
    {
        var invite = owner.GetByRole(AriaRole.Region, new() { Name = "Invite a team member" });
        await invite.GetByLabel("Name").FillAsync(name);
        await invite.GetByLabel("Email").FillAsync(email);
        await invite.GetByLabel("Role").SelectOptionAsync(role);
        if (areas is not null)
        {
            foreach (var box in await invite.GetByRole(AriaRole.Checkbox).AllAsync())
            {
                var area = await box.GetAttributeAsync("value");
                await box.SetCheckedAsync(areas.Any(a => a == area));
            }
        }
        await invite.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
    }

    /// <summary>Opens the invitation emailed to <paramref name="email"/>, sets <paramref name="password"/> and lands signed in on /admin.</summary>
    public async Task<IPage> AcceptAsync(string email, string password)
    {
        var invite = await demo.Mail.WaitForAsync(email, "invited");
        var link = InviteLink().Match(invite.GetProperty("text").GetString()!);
        link.Success.ShouldBeTrue(invite.GetProperty("text").GetString());
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(journey.Url("/admin/accept-invite?" + link.Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal)));
        await page.GetByLabel("New password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and sign in" }).ClickAsync();
        // Generous: on a busy 2-core runner this write once waited about 30 s for SQLite's lock (an open finding).
        await page.WaitForURLAsync(new Regex("/admin"), new() { Timeout = 90_000 });
        return page;
    }

    [GeneratedRegex(@"/admin/accept-invite\?(user=[^&\s""]+&(?:amp;)?token=[^\s""<>]+)")]
    private static partial Regex InviteLink();
}
