using ResellerKit.Engine.Common;
using ResellerKit.Engine.Team;
using ResellerKit.Engine.Users;

namespace ResellerKit.Tests.Unit.Engine.Team;

/// <summary>Pins who may change whom on an agency's team: the rules every front end goes through.</summary>
public sealed class TeamRulesTests
{
    private static readonly AgencyId Agency = AgencyId.New();

    [Theory]
    [InlineData(MembershipRole.Owner, MembershipRole.Owner, null)]
    [InlineData(MembershipRole.Owner, MembershipRole.Admin, null)]
    [InlineData(MembershipRole.Admin, MembershipRole.Admin, null)]
    [InlineData(MembershipRole.Admin, MembershipRole.Member, null)]
    [InlineData(MembershipRole.Admin, MembershipRole.Owner, typeof(OwnersOnly))]
    [InlineData(MembershipRole.Member, MembershipRole.Member, typeof(ManagersOnly))]
    public void MayGrant_ARole_OnlyOwnersGrantOwner(MembershipRole by, MembershipRole role, Type? refusal) =>
        (TeamRules.MayGrant(Seat(by), role)?.GetType()).ShouldBe(refusal);

    [Theory]
    [InlineData(MembershipRole.Admin, MembershipRole.Admin, MembershipRole.Owner, 1, typeof(OwnersOnly))]   // an admin makes itself owner
    [InlineData(MembershipRole.Admin, MembershipRole.Owner, MembershipRole.Member, 2, typeof(OwnersOnly))]  // an admin demotes an owner
    [InlineData(MembershipRole.Owner, MembershipRole.Owner, MembershipRole.Admin, 1, typeof(LastOwner))]    // the last owner steps down
    [InlineData(MembershipRole.Owner, MembershipRole.Owner, MembershipRole.Admin, 2, null)]
    [InlineData(MembershipRole.Owner, MembershipRole.Admin, MembershipRole.Owner, 1, null)]
    [InlineData(MembershipRole.Admin, MembershipRole.Member, MembershipRole.Admin, 1, null)]
    [InlineData(MembershipRole.Member, MembershipRole.Member, MembershipRole.Member, 1, typeof(ManagersOnly))]
    public void MayChange_ARole_KeepsTheOwnerRoleWithOwnersAndAnOwnerAlways(
        MembershipRole by, MembershipRole current, MembershipRole wanted, int owners, Type? refusal) =>
        (TeamRules.MayChange(Seat(by), current, wanted, owners)?.GetType()).ShouldBe(refusal);

    [Theory]
    [InlineData(MembershipRole.Admin, MembershipRole.Owner, 2, typeof(OwnersOnly))]
    [InlineData(MembershipRole.Owner, MembershipRole.Owner, 1, typeof(LastOwner))]
    [InlineData(MembershipRole.Owner, MembershipRole.Owner, 2, null)]
    [InlineData(MembershipRole.Admin, MembershipRole.Member, 1, null)]
    [InlineData(MembershipRole.Member, MembershipRole.Member, 1, typeof(ManagersOnly))]
    public void MayRemove_AMember_NeverLeavesTheAgencyWithoutAnOwner(MembershipRole by, MembershipRole current, int owners, Type? refusal) =>
        (TeamRules.MayRemove(Seat(by), current, owners)?.GetType()).ShouldBe(refusal);

    [Fact]
    public void MayChange_BySomeoneWithNoSeat_IsManagersOnly() =>
        TeamRules.MayChange(null, MembershipRole.Member, MembershipRole.Member, 1).ShouldBeOfType<ManagersOnly>();

    private static TeamSeat Seat(MembershipRole role) => new(Agency, Guid.NewGuid(), role, Areas.All);
}
