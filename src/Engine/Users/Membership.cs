using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Users;

/// <summary>
/// A user's place in one account: the agency itself (<see cref="SubAccountId"/> null) or one sub-account, with a
/// role and the areas it opens. Owners and admins open every area; members open what they were given.
/// </summary>
public sealed class Membership
{
    private Membership()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public SubAccountId? SubAccountId { get; private set; }

    public MembershipRole Role { get; private set; }

    public Areas Areas { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Membership Create(
        Guid userId, AgencyId agencyId, SubAccountId? subAccountId, MembershipRole role, DateTimeOffset now, Areas areas = Areas.All) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        AgencyId = agencyId,
        SubAccountId = subAccountId,
        Role = role,
        Areas = role == MembershipRole.Member ? areas : Areas.All,
        CreatedAt = now,
    };

    /// <summary>The sub-account this membership opens moved to another agency with its users.</summary>
    internal void MoveTo(AgencyId agencyId) => AgencyId = agencyId;

    public void Change(MembershipRole role, Areas areas)
    {
        Role = role;
        Areas = role == MembershipRole.Member ? areas : Areas.All;
    }
}
