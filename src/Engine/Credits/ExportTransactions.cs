using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Credits;

/// <summary>One row of the transaction export, with the sub-account's name beside its id.</summary>
public sealed record TransactionRow(
    TransactionId Id, DateTimeOffset CreatedAt, TransactionType Type, long Credits, SubAccountId? SubAccountId, string? SubAccountName,
    string? CampaignId, string? ContactId, string? Description, string? Reference);

/// <summary>
/// An agency's filtered ledger as a stream, newest first: rows are read from the database as they are written out,
/// so an export of millions of rows never sits in memory.
/// </summary>
public sealed class ExportTransactions(EngineDbContext db)
{
    /// <summary>What to answer instead of the file: a window that runs backwards (400), another agency's sub-account (404).</summary>
    public Task<Error?> CheckAsync(AgencyId agencyId, TransactionFilter filter, CancellationToken ct) => filter.CheckAsync(db, agencyId, ct);

    public IAsyncEnumerable<TransactionRow> StreamAsync(AgencyId agencyId, TransactionFilter filter) =>
        db.LedgerTransactions.AsNoTracking().WithSpecification(new TransactionsOfAgencySpec(agencyId, filter))
            .OrderByDescending(t => t.Sequence)
            .Select(t => new TransactionRow(t.Id, t.CreatedAt, t.Type, t.Credits, t.SubAccountId,
                db.SubAccounts.Where(s => s.Id == t.SubAccountId).Select(s => s.Name).FirstOrDefault(),
                t.CampaignId, t.ContactId, t.Description, t.Reference))
            .AsAsyncEnumerable();
}
