using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Plans;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Campaigns;

/// <summary>
/// The one check before a sub-account holds a campaign (created, copied in, or changed): it is the tenant's
/// (else 404, like a missing one) and its plan has the Campaigns feature (else 403).
/// </summary>
public sealed class CampaignHolders(EngineDbContext db, SubAccountFeatures features)
{
    public async Task<Result<SubAccount>> RequireAsync(Tenant tenant, SubAccountId id, CancellationToken ct)
    {
        var subAccount = await db.SubAccounts.AsNoTracking().WithSpecification(new SubAccountByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        if (subAccount is null)
        {
            return new NotFound("sub-account");
        }
        var allowed = await features.RequireAsync(subAccount, Features.Campaigns, ct);
        return allowed.IsSuccess ? subAccount : allowed.Error;
    }
}
