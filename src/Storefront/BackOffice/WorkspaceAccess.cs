using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Assist;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Connections;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// Every workspace a user may enter, derived from the database on each request: platform admin role, agency
/// memberships, client memberships, and a live assist session. Nothing is trusted from the cookie but the choice.
/// </summary>
public sealed class WorkspaceAccess(EngineDbContext db, ManageAssist assist)
{
    public async Task<IReadOnlyList<Workspace>> ForUserAsync(Guid userId, bool platformAdmin, CancellationToken ct)
    {
        var list = new List<Workspace>();
        if (platformAdmin)
        {
            list.Add(new Workspace(WorkspaceKind.Platform, "Platform", null, null, MembershipRole.Owner, Areas.All));
        }
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(ct);
        foreach (var m in memberships.Where(m => m.SubAccountId is null))
        {
            var name = await db.Agencies.Where(a => a.Id == m.AgencyId).Select(a => a.Branding.DisplayName ?? a.Name).SingleAsync(ct);
            list.Add(new Workspace(WorkspaceKind.Agency, name, m.AgencyId, null, m.Role, m.Areas));
        }
        foreach (var m in memberships.Where(m => m.SubAccountId is not null))
        {
            var name = await db.SubAccounts.Where(s => s.Id == m.SubAccountId).Select(s => s.Name).SingleAsync(ct);
            list.Add(new Workspace(WorkspaceKind.SubAccount, name, m.AgencyId, m.SubAccountId, m.Role, m.Areas));
        }
        return list;
    }

    /// <summary>
    /// The agency's sub-accounts an agency user may open from the switcher: none unless their membership has the
    /// sub-accounts area; by name, at most <see cref="SwitcherAccounts.Limit"/>, filtered by <paramref name="search"/>.
    /// </summary>
    public async Task<SwitcherAccounts?> SwitchableAsync(Workspace agency, string? search, CancellationToken ct)
    {
        if (agency.Kind != WorkspaceKind.Agency || !agency.Can(Areas.SubAccounts))
        {
            return null;
        }
        var query = db.SubAccounts.AsNoTracking().Where(s => s.AgencyId == agency.Agency);
        search = string.IsNullOrWhiteSpace(search) || Input.HasControlCharacters(search) ? null : search.Trim()[..Math.Min(search.Trim().Length, 100)];
        if (search is not null)
        {
            var lower = search.ToLowerInvariant();
            query = query.Where(s => s.Name.ToLower().Contains(lower));
        }
        var total = await query.CountAsync(ct);
        var shown = await query.OrderBy(s => s.Name).Take(SwitcherAccounts.Limit)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return new SwitcherAccounts(agency.Agency, [.. shown.Select(s => new SwitcherAccount(s.Id, s.Name))], total, search);
    }

    /// <summary>
    /// The client workspace an assist session opens, if the session is live, the agency still has access and the user's
    /// role in the agency still opens sub-accounts, as starting one needs: a member who lost that area is out on the next request.
    /// </summary>
    public async Task<Workspace?> AssistingAsync(Guid sessionId, Guid userId, CancellationToken ct)
    {
        var session = await assist.LiveAsync(sessionId, userId, ct);
        if (session is null)
        {
            return null;
        }
        var areas = await AreasOnAsync(userId, session.AgencyId, session.SubAccountId, Areas.SubAccounts, ct);
        if (areas is null)
        {
            return null;
        }
        var name = await db.SubAccounts.Where(s => s.Id == session.SubAccountId).Select(s => s.Name).SingleAsync(ct);
        return new Workspace(WorkspaceKind.SubAccount, name, session.AgencyId, session.SubAccountId, MembershipRole.Member, areas.Value, session);
    }

    /// <summary>
    /// What an agency user may do on a client account: their own areas on an account the agency owns; on a connected
    /// account, only what the client's role for the agency allows too. Null when they have no access at all.
    /// </summary>
    public Task<Areas?> AgencyAreasOnAsync(Guid userId, AgencyId agencyId, SubAccountId subAccountId, CancellationToken ct) =>
        AreasOnAsync(userId, agencyId, subAccountId, Areas.None, ct);

    // As AgencyAreasOnAsync, and null too when the user's role in the agency lacks what is needed.
    private async Task<Areas?> AreasOnAsync(Guid userId, AgencyId agencyId, SubAccountId subAccountId, Areas needs, CancellationToken ct)
    {
        var membership = await db.Memberships.AsNoTracking()
            .SingleOrDefaultAsync(m => m.UserId == userId && m.AgencyId == agencyId && m.SubAccountId == null, ct);
        if (membership is null || !membership.Areas.HasFlag(needs))
        {
            return null;
        }
        if (await db.SubAccounts.AnyAsync(s => s.Id == subAccountId && s.AgencyId == agencyId, ct))
        {
            return membership.Areas;
        }
        var connection = await db.Connections.AsNoTracking()
            .FirstOrDefaultAsync(c => c.AgencyId == agencyId && c.SubAccountId == subAccountId && c.Status == ConnectionStatus.Accepted, ct);
        return connection is null ? null : membership.Areas & connection.Areas;
    }
}
