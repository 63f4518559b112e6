using ResellerKit.Engine.Common;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>The signed-in person, the workspaces they can switch between, and the one they are in.</summary>
public sealed record BackOfficeState(User User, IReadOnlyList<Workspace> Available, Workspace? Current)
{
    /// <summary>Who the audit log records: the user, or (while assisting) the account acted on with the user behind it.</summary>
    public Actor Actor => Current?.Assist is { } session
        ? session.Actor(Current.Name)
        : new Actor($"user:{User.Id}", User.DisplayName);
}
