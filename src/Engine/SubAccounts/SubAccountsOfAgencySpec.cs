using Ardalis.Specification;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>An agency's sub-accounts by email, from just after <paramref name="afterEmail"/>.</summary>
public sealed class SubAccountsOfAgencySpec : Specification<SubAccount>
{
    public SubAccountsOfAgencySpec(AgencyId agencyId, string? afterEmail = null)
    {
        Query.Where(s => s.AgencyId == agencyId).AsNoTracking();
        if (afterEmail is not null)
        {
            Query.Where(s => string.Compare(s.Email, afterEmail) > 0);
        }
        Query.OrderBy(s => s.Email);
    }
}
