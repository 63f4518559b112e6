using Ardalis.Specification;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>An agency's ledger transactions that match a filter. Used by the history, its CSV export and reports.</summary>
public sealed class TransactionsOfAgencySpec : Specification<LedgerTransaction>
{
    public TransactionsOfAgencySpec(AgencyId agencyId, TransactionFilter filter)
    {
        Query.Where(t => t.AgencyId == agencyId);
        if (filter.SubAccountId is { } subAccountId) Query.Where(t => t.SubAccountId == subAccountId);
        if (filter.CampaignId is { } campaignId) Query.Where(t => t.CampaignId == campaignId);
        if (filter.ContactId is { } contactId) Query.Where(t => t.ContactId == contactId);
        if (filter.Type is { } type) Query.Where(t => t.Type == type);
        if (filter.From is { } from) Query.Where(t => t.CreatedAt >= from);
        if (filter.To is { } to) Query.Where(t => t.CreatedAt < to);
    }
}
