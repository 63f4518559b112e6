using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Team;

/// <summary>The change would leave the agency with no owner.</summary>
public sealed record LastOwner() : Error("conflict")
{
    public override string Detail => "An agency needs at least one owner. Make someone else an owner first.";
}

/// <summary>Only an owner may make someone an owner, change an owner's role, or remove an owner.</summary>
public sealed record OwnersOnly() : Error("forbidden")
{
    public override string Detail => "Only an owner can make someone an owner, change an owner's role, or remove an owner.";
}

/// <summary>The person acting is not an owner or admin of this agency.</summary>
public sealed record ManagersOnly() : Error("forbidden")
{
    public override string Detail => "Only the agency's owners and admins manage the team.";
}
