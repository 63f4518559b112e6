using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.BackOffice;

/// <summary>
/// The demo back office with a signed-in browser for every role: the platform admin, the agency owner, one member per
/// agency area (invited by the owner, accepted from the email), the demo client, the client-owned account and nobody.
/// Its own Storefront process, so the form walk may change and archive what it likes.
/// </summary>
public sealed partial class WalkedBackOffice(DemoStorefront demo, Chromium chromium) : IAsyncLifetime
{
    private const string MemberPassword = "Walk-Member-Pass-2026";
    private readonly Dictionary<string, string?> sessions = new(StringComparer.Ordinal);

    public DemoJourney Journey { get; } = new(demo, chromium);

    public string SubAccountId { get; private set; } = "";

    /// <summary>A template of the demo agency at version 2, with a linked copy for the demo client still at version 1.</summary>
    public string CampaignId { get; private set; } = "";

    /// <summary>The demo client's linked copy of <see cref="CampaignId"/>, which its own campaign pages show.</summary>
    public string CopyId { get; private set; } = "";

    public string ClientOwnedEmail => ClientOwnedLogin().Match(demo.Banner).Groups[1].Value;

    public async ValueTask InitializeAsync()
    {
        SubAccountId = await Journey.SubAccountIdAsync(DemoJourney.Client);
        CampaignId = (await Journey.Agency.SendAsync(HttpMethod.Post, "/api/v1/campaigns", new { name = "Walk template", instructions = "Be brief." })).GetProperty("id").GetString()!;
        CopyId = (await Journey.Agency.SendAsync(HttpMethod.Post, $"/api/v1/campaigns/{CampaignId}/copy", new { targetSubAccountId = SubAccountId, linked = true })).GetProperty("id").GetString()!;
        await Journey.Agency.SendAsync(HttpMethod.Patch, $"/api/v1/campaigns/{CampaignId}", new { instructions = "Be brief and kind." });
        sessions[WalkRole.Anonymous.Name] = null;
        sessions[WalkRole.Owner.Name] = await SignInAsync(DemoJourney.Owner);
        sessions[WalkRole.PlatformAdmin.Name] = await SignInAsync(DemoStorefront.PlatformAdmin);
        sessions[WalkRole.Client.Name] = await SignInAsync(DemoJourney.Client);
        sessions[WalkRole.ClientOwned.Name] = await SignInAsync(ClientOwnedEmail);

        var owner = await chromium.NewPageAsync(sessions[WalkRole.Owner.Name]);
        var invitations = new TeamInvitations(demo, chromium, Journey);
        foreach (var area in WalkRole.Areas)
        {
            await owner.GotoAsync(Journey.Url("/admin/team"));
            var email = $"walk-{area.ToLowerInvariant()}@brightside.example";
            await TeamInvitations.InviteAsync(owner, $"Walk {area}", email, "Member", areas: [area]);
            await Assertions.Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync(email);
            var member = await invitations.AcceptAsync(email, MemberPassword);
            sessions[WalkRole.Member(area).Name] = await member.Context.StorageStateAsync();
            await member.Context.CloseAsync();
        }
        await owner.Context.CloseAsync();
    }

    /// <summary>A fresh browser profile signed in as <paramref name="role"/>.</summary>
    public Task<IPage> BrowserOfAsync(WalkRole role) => chromium.NewPageAsync(sessions[role.Name]);

    public string Url(string path) => Journey.Url(path);

    private async Task<string> SignInAsync(string email)
    {
        var page = await Journey.SignInToBackOfficeAsync(email, demo.PasswordOf(email));
        var state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return state;
    }

    [GeneratedRegex(@"Client-owned account \(to connect to\) (\S+) / ")]
    private static partial Regex ClientOwnedLogin();

    public ValueTask DisposeAsync()
    {
        Journey.Dispose();
        return ValueTask.CompletedTask;
    }
}
