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

    /// <summary>
    /// Opens the invitation emailed to <paramref name="email"/>, sets <paramref name="password"/> and lands signed in on the
    /// back office. An acceptance that does not get there in time fails with what the page still waited for and the
    /// server's log since the click; one slower than <see cref="Slow"/> leaves the same in artifacts/diagnostics.
    /// </summary>
    public async Task<IPage> AcceptAsync(string email, string password)
    {
        var invite = await demo.Mail.WaitForAsync(email, "invited");
        var link = InviteLink().Match(invite.GetProperty("text").GetString()!);
        link.Success.ShouldBeTrue(invite.GetProperty("text").GetString());
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(journey.Url("/admin/accept-invite?" + link.Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal)));
        await page.GetByLabel("New password").FillAsync(password);
        var logFrom = demo.Process.Output.Count;
        var timeline = PageTimeline.Watch(page);
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and sign in" }).ClickAsync(new() { Timeout = 90_000 });
            // The acceptance page is under /admin too: wait for the page it sends to, loaded.
            await page.WaitForURLAsync(SignedIn, new() { Timeout = 90_000, WaitUntil = WaitUntilState.Load });
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            var shows = await page.Locator("main").InnerTextAsync(new() { Timeout = 2_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(unreadable)", TaskScheduler.Default);
            throw new TimeoutException($"Accepting {email}'s invitation did not reach the signed-in page (now {page.Url}, showing: {shows}).\n{Report(timeline, logFrom)}", e);
        }
        if (timeline.Elapsed > Slow)
        {
            var file = Path.Combine(Repository.Artifacts("diagnostics"), "slow-invitations.log");
            await File.AppendAllTextAsync(file, $"{DateTimeOffset.UtcNow:O} accepting {email} took {timeline.Elapsed.TotalSeconds:F1} s\n{Report(timeline, logFrom)}\n\n");
        }
        return page;
    }

    /// <summary>An acceptance this slow is written down, though it passes.</summary>
    public static readonly TimeSpan Slow = TimeSpan.FromSeconds(10);

    private static bool SignedIn(string url) =>
        new Uri(url).AbsolutePath is var path && path.StartsWith("/admin", StringComparison.Ordinal) && !path.StartsWith("/admin/accept-invite", StringComparison.Ordinal);

    private string Report(PageTimeline timeline, int logFrom) =>
        $"The page:\n{timeline}\nThe server's log since the click:\n{string.Join('\n', demo.Process.Output.Skip(logFrom).TakeLast(80))}";

    [GeneratedRegex(@"/admin/accept-invite\?(user=[^&\s""]+&(?:amp;)?token=[^\s""<>]+)")]
    private static partial Regex InviteLink();
}
