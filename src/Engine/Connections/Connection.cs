using ResellerKit.Engine.Common;
using ResellerKit.Engine.Users;

namespace ResellerKit.Engine.Connections;

/// <summary>
/// An agency's access to a client-owned account (Kartra's "connect an existing account"). The client accepts it,
/// sets the agency's role, and can revoke it at any time; either side can terminate the contract. The client keeps
/// ownership, billing and its balance throughout.
/// </summary>
public sealed class Connection
{
    public static readonly TimeSpan RequestLifetime = TimeSpan.FromDays(7);

    private Connection()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The agency that asked for access.</summary>
    public AgencyId AgencyId { get; private set; }

    /// <summary>The agency that owns the client's account (the platform's house agency).</summary>
    public AgencyId OwnerAgencyId { get; private set; }

    public SubAccountId SubAccountId { get; private set; }

    public ConnectionStatus Status { get; private set; }

    public MembershipRole Role { get; private set; }

    public Areas Areas { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RespondedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndedBy { get; private set; }

    public bool IsActive => Status == ConnectionStatus.Accepted;

    public static Connection Request(AgencyId agencyId, AgencyId ownerAgencyId, SubAccountId subAccountId, MembershipRole role, Areas areas,
        string tokenHash, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AgencyId = agencyId,
        OwnerAgencyId = ownerAgencyId,
        SubAccountId = subAccountId,
        Status = ConnectionStatus.Pending,
        Role = role,
        Areas = role == MembershipRole.Member ? areas & ClientAccountAreas.All : Areas.All,
        TokenHash = tokenHash,
        ExpiresAt = now + RequestLifetime,
        CreatedAt = now,
    };

    internal void Respond(bool accept, DateTimeOffset now)
    {
        Status = accept ? ConnectionStatus.Accepted : ConnectionStatus.Declined;
        RespondedAt = now;
    }

    internal void ChangeRole(MembershipRole role, Areas areas)
    {
        Role = role;
        Areas = role == MembershipRole.Member ? areas & ClientAccountAreas.All : Areas.All;
    }

    internal void End(ConnectionStatus status, string endedBy, DateTimeOffset now)
    {
        Status = status;
        EndedBy = endedBy;
        EndedAt = now;
    }
}
