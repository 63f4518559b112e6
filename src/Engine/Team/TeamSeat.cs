using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Users;

namespace ResellerKit.Engine.Team;

/// <summary>
/// One person's place on an agency's team, read from the database on each use: the role and the areas it opens.
/// Use cases take the person's id and look the seat up themselves, so no front end can claim more than it has.
/// </summary>
public sealed record TeamSeat(AgencyId AgencyId, Guid UserId, MembershipRole Role, Areas Areas)
{
    public bool IsOwner => Role == MembershipRole.Owner;

    public bool IsManager => Role is MembershipRole.Owner or MembershipRole.Admin;

    public bool Opens(Areas area) => Areas.HasFlag(area);

    /// <summary>The person's seat on the agency's team; null when they have none.</summary>
    public static async Task<TeamSeat?> FindAsync(EngineDbContext db, AgencyId agencyId, Guid userId, CancellationToken ct) =>
        await db.Memberships.AsNoTracking()
            .Where(m => m.AgencyId == agencyId && m.UserId == userId && m.SubAccountId == null)
            .Select(m => new TeamSeat(m.AgencyId, m.UserId, m.Role, m.Areas))
            .SingleOrDefaultAsync(ct);
}
