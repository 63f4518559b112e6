using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Campaigns;

public static class LinkedCopiesQuery
{
    /// <summary>
    /// The linked copies of <paramref name="template"/> held now by a sub-account of the template's own agency: a copy
    /// in an account that has changed hands is never listed or pushed to, whatever its row says.
    /// </summary>
    public static IQueryable<Campaign> LinkedCopiesOf(this EngineDbContext db, Campaign template) =>
        db.Campaigns.WithSpecification(new LinkedCopiesSpec(template.AgencyId, template.Id))
            .Where(c => db.SubAccounts.Any(s => s.Id == c.SubAccountId && s.AgencyId == template.AgencyId));
}
