using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// A sub-account's usage in a calendar month (UTC) by where it came from: the agency pool (shared mode) or its own
/// wallet (reselling mode). <see cref="SubAccount.UsageMonthCredits"/> counts the month's usage from the source of the
/// account's current mode, so in shared mode it is what the monthly cap limits: what the client spent from the
/// agency's pool, never credits it bought itself and spent in reselling mode earlier in the month. A mode switch or a
/// move to another agency recounts it from the ledger, under the account's row lock.
/// </summary>
internal static class MonthUsage
{
    public static DateTimeOffset StartOf(int month) => new(month / 100, month % 100, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Each usage debit of the month: its sub-account, whether its credits left the agency pool, and how many (the
    /// transaction's own figure, so that a broken entry shows as that and not also as a wrong count).
    /// </summary>
    public static IQueryable<UsageFromSource> Of(EngineDbContext db, int month)
    {
        var start = StartOf(month);
        return db.LedgerTransactions
            .Where(t => t.Type == TransactionType.Usage && t.CreatedAt >= start && t.SubAccountId != null)
            .Select(t => new UsageFromSource
            {
                SubAccountId = t.SubAccountId,
                FromPool = db.LedgerEntries.Any(e => e.TransactionSequence == t.Sequence && e.Amount < 0
                    && db.Wallets.Any(w => w.Id == e.WalletId && w.Kind == WalletKind.Pool)),
                Credits = -t.Credits,
            });
    }

    /// <summary>What the account used this month from the source of <paramref name="mode"/>, as the open transaction sees it.</summary>
    public static Task<long> CountedAsync(EngineDbContext db, SubAccountId id, CreditMode mode, int month, CancellationToken ct)
    {
        var fromPool = mode == CreditMode.Shared;
        return Of(db, month).Where(u => u.SubAccountId == id && u.FromPool == fromPool).SumAsync(u => u.Credits, ct);
    }
}

/// <summary>One usage debit as <see cref="MonthUsage"/> reads it.</summary>
internal sealed class UsageFromSource
{
    public SubAccountId? SubAccountId { get; init; }

    public bool FromPool { get; init; }

    public long Credits { get; init; }
}
