using ResellerKit.Engine.Common;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>The signed-in person, the workspaces they can switch between, the one they are in, and whose brand it wears.</summary>
public sealed record BackOfficeState(User User, IReadOnlyList<Workspace> Available, Workspace? Current, BackOfficeBrand Brand)
{
    /// <summary>Who the audit log records: the user, or (while assisting) the account acted on with the user and their agency behind it.</summary>
    public Actor Actor => Current?.Assist is { } session
        ? session.Actor(Available.FirstOrDefault(w => w.Kind == WorkspaceKind.Agency && w.AgencyId == session.AgencyId)?.Name ?? "agency")
        : new Actor($"user:{User.Id}", User.DisplayName);
}
