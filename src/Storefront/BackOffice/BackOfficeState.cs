using ResellerKit.Engine.Common;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// The signed-in person, the workspaces they can switch between, the one they are in, whose brand it wears, and (for
/// an agency user who may see sub-accounts) the agency's sub-accounts they can open from the switcher.
/// </summary>
public sealed record BackOfficeState(User User, IReadOnlyList<Workspace> Available, Workspace? Current, BackOfficeBrand Brand, SwitcherAccounts? SubAccounts = null)
{
    /// <summary>Who the audit log records: the user, or (while assisting) the account acted on with the user and their agency behind it.</summary>
    public Actor Actor => Current?.Assist is { } session
        ? session.Actor(Available.FirstOrDefault(w => w.Kind == WorkspaceKind.Agency && w.AgencyId == session.AgencyId)?.Name ?? "agency")
        : new Actor($"user:{User.Id}", User.DisplayName);
}
