using ResellerKit.Engine.Common;
using ResellerKit.Engine.Users;

namespace ResellerKit.Engine.Team;

/// <summary>
/// Who may change whom on a team. Owners and admins manage the team; only an owner touches the owner role (grants
/// it, changes an owner's role, removes an owner); and an agency never runs out of owners.
/// </summary>
public static class TeamRules
{
    public static Error? MayGrant(TeamSeat? by, MembershipRole role) => by switch
    {
        null or { IsManager: false } => new ManagersOnly(),
        { IsOwner: false } when role == MembershipRole.Owner => new OwnersOnly(),
        _ => null,
    };

    public static Error? MayChange(TeamSeat? by, MembershipRole current, MembershipRole wanted, int owners) =>
        MayGrant(by, wanted) ?? MayTouch(by!, current) ?? LeavesOwner(current, wanted == MembershipRole.Owner, owners);

    public static Error? MayRemove(TeamSeat? by, MembershipRole current, int owners) =>
        (by is { IsManager: true } ? null : new ManagersOnly()) ?? MayTouch(by!, current) ?? LeavesOwner(current, false, owners);

    private static Error? MayTouch(TeamSeat by, MembershipRole current) =>
        current == MembershipRole.Owner && !by.IsOwner ? new OwnersOnly() : null;

    private static Error? LeavesOwner(MembershipRole current, bool staysOwner, int owners) =>
        current == MembershipRole.Owner && !staysOwner && owners <= 1 ? new LastOwner() : null;
}
