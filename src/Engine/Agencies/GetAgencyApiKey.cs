using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Team;

namespace ResellerKit.Engine.Agencies;

/// <summary>
/// The agency's key in use, as its owners may see it: its first characters and when it was issued (null when it has
/// none). Only an owner may look (<see cref="ApiKeyOwnersOnly"/> for anyone else).
/// </summary>
public sealed class GetAgencyApiKey(EngineDbContext db)
{
    public async Task<Result<ApiKeyHint?>> HandleAsync(AgencyId agencyId, Guid by, CancellationToken ct)
    {
        if (await TeamSeat.FindAsync(db, agencyId, by, ct) is not { IsOwner: true })
        {
            return new ApiKeyOwnersOnly();
        }
        ApiKeyHint? hint = await db.ApiKeys.AsNoTracking().WithSpecification(new ActiveApiKeysOfAgencySpec(agencyId))
            .Select(k => new ApiKeyHint(k.Prefix, k.CreatedAt)).FirstOrDefaultAsync(ct);
        return hint;
    }
}
