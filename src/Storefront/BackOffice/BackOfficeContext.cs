using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Assist;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.WidgetHost;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// Resolves the back office's state once per request: who is signed in, where they may go, and where they are.
/// A workspace the cookie names but the user may no longer enter is ignored.
/// </summary>
public sealed class BackOfficeContext(
    IHttpContextAccessor accessor, WorkspaceAccess access, WorkspaceCookie cookie, UserManager<User> users, ManageAssist assist,
    EngineDbContext db, WidgetThemes themes)
{
    private BackOfficeState? state;

    public HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("The back office needs an HTTP request.");

    public async Task<BackOfficeState?> LoadAsync(CancellationToken ct = default)
    {
        if (state is not null)
        {
            return state;
        }
        var user = await users.GetUserAsync(Http.User);
        if (user is null)
        {
            return null;
        }
        var available = await access.ForUserAsync(user.Id, await users.IsInRoleAsync(user, Roles.PlatformAdmin), ct);
        var (key, assistId) = cookie.Read(Http);
        var current = assistId is { } session ? await access.AssistingAsync(session, user.Id, ct) : null;
        // The platform admin lands on the platform; anyone else on their agency, then on their own account.
        current ??= available.FirstOrDefault(w => w.Key == key)
            ?? available.FirstOrDefault(w => w.Kind == WorkspaceKind.Platform)
            ?? available.FirstOrDefault(w => w.Kind == WorkspaceKind.Agency)
            ?? available.FirstOrDefault();
        var home = HomeAgency(available, current);
        var subAccounts = home is null ? null : await access.SwitchableAsync(home, Http.Request.Query[SwitcherAccounts.SearchParameter], ct);
        return state = new BackOfficeState(user, available, current, await BrandAsync(current, ct), subAccounts);
    }

    // An agency's workspace and its clients' wear the agency's brand (the account's owner, also while another agency assists).
    private async Task<BackOfficeBrand> BrandAsync(Workspace? current, CancellationToken ct)
    {
        var agencyId = current?.SubAccountId is { } account
            ? await db.SubAccounts.AsNoTracking().Where(s => s.Id == account).Select(s => (AgencyId?)s.AgencyId).SingleOrDefaultAsync(ct)
            : current?.AgencyId;
        if (agencyId is null)
        {
            return BackOfficeBrand.Platform;
        }
        // Without a primary colour of its own, the agency's colour is its storefront theme's accent, as in its widget.
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var color = agency.Branding.PrimaryColor ?? (await themes.ForAsync(agency, null, ct)).Accent;
        return new BackOfficeBrand(agency.PublicName, agency.Branding.LogoUrl, color);
    }

    /// <summary>The agency workspace whose sub-accounts the switcher lists: the current one, or the one assisting.</summary>
    private static Workspace? HomeAgency(IReadOnlyList<Workspace> available, Workspace? current) => current switch
    {
        { Kind: WorkspaceKind.Agency } => current,
        { Assist: { } session } => available.FirstOrDefault(w => w.Kind == WorkspaceKind.Agency && w.AgencyId == session.AgencyId),
        _ => null,
    };

    /// <summary>
    /// Makes <paramref name="key"/> the current workspace if the user may enter it, ending any assist session they are in;
    /// a sub-account of their agency opens as an assist session (audited, and in the client's access log).
    /// </summary>
    public async Task<bool> SwitchAsync(string key, CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded is null)
        {
            return false;
        }
        if (!loaded.Available.Any(w => w.Key == key))
        {
            return loaded.SubAccounts is { } agencyAccounts && SubAccountKey(key) is { } subAccountId
                && await OpenSubAccountAsync(loaded, agencyAccounts.AgencyId, subAccountId, ct);
        }
        await EndAssistAsync(loaded, ct);
        cookie.Write(Http, key);
        return true;
    }

    private async Task<bool> OpenSubAccountAsync(BackOfficeState loaded, AgencyId agencyId, SubAccountId subAccountId, CancellationToken ct)
    {
        if (loaded.Current?.Assist?.SubAccountId == subAccountId)
        {
            return true;
        }
        if (await access.AgencyAreasOnAsync(loaded.User.Id, agencyId, subAccountId, ct) is null)
        {
            return false;
        }
        await EndAssistAsync(loaded, ct);
        var session = await assist.StartAsync(agencyId, subAccountId, loaded.User.Id, loaded.User.DisplayName, SwitcherReason, ct);
        if (!session.IsSuccess)
        {
            return false;
        }
        EnterAssist($"sub:{subAccountId}", session.Value.Id);
        return true;
    }

    private async Task EndAssistAsync(BackOfficeState loaded, CancellationToken ct)
    {
        if (loaded.Current?.Assist is { } session)
        {
            await assist.EndAsync(session.Id, loaded.User.Id, ct);
        }
    }

    private static SubAccountId? SubAccountKey(string key) =>
        key.StartsWith("sub:", StringComparison.Ordinal) && Guid.TryParse(key.AsSpan(4), out var id) ? SubAccountId.From(id) : null;

    /// <summary>What the client's access log says when its agency opened the account from the switcher.</summary>
    public const string SwitcherReason = "Opened the account from the account switcher";

    public void EnterAssist(string subAccountKey, Guid sessionId) => cookie.Write(Http, subAccountKey, sessionId);

    public void LeaveAssist(string agencyKey) => cookie.Write(Http, agencyKey);
}
