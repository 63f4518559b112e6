using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.WidgetHost;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// Resolves the back office's state once per request: who is signed in, where they may go, and where they are.
/// A workspace the cookie names but the user may no longer enter is ignored.
/// </summary>
public sealed class BackOfficeContext(IHttpContextAccessor accessor, WorkspaceAccess access, WorkspaceCookie cookie, UserManager<User> users, EngineDbContext db, WidgetThemes themes)
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
        current ??= available.FirstOrDefault(w => w.Key == key)
            ?? available.FirstOrDefault(w => w.Kind == WorkspaceKind.Agency)
            ?? available.FirstOrDefault();
        return state = new BackOfficeState(user, available, current, await BrandAsync(current, ct));
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

    /// <summary>Makes <paramref name="key"/> the current workspace if the user may enter it.</summary>
    public async Task<bool> SwitchAsync(string key, CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded?.Available.Any(w => w.Key == key) != true)
        {
            return false;
        }
        cookie.Write(Http, key);
        return true;
    }

    public void EnterAssist(string subAccountKey, Guid sessionId) => cookie.Write(Http, subAccountKey, sessionId);

    public void LeaveAssist(string agencyKey) => cookie.Write(Http, agencyKey);
}
