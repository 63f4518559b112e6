using ResellerKit.Engine.Users;

namespace ResellerKit.Engine.Team;

/// <summary>A person on an agency's team, with the role and the areas it opens.</summary>
public sealed record TeamMember(Guid UserId, string Name, string Email, MembershipRole Role, Areas Areas, bool Confirmed);
