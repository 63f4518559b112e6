using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// Recomputes the ledger from its entries and checks every invariant that must never break. Operators run it as
/// <c>ledger verify</c>; tests run it after every concurrency storm.
/// </summary>
public sealed class LedgerVerifier(EngineDbContext db, TimeProvider clock)
{
    // Each list of problems is the first 100 in a stable order (a row limit without an order picks any 100, and EF says so).
    public async Task<LedgerReport> VerifyAsync(CancellationToken ct)
    {
        var problems = new List<string>();

        var unbalanced = await db.LedgerEntries.GroupBy(e => e.TransactionSequence)
            .Select(g => new { Sequence = g.Key, Sum = g.Sum(e => e.Amount), Count = g.Count() })
            .Where(g => g.Sum != 0 || g.Count < 2)
            .OrderBy(g => g.Sequence).Take(100).ToListAsync(ct);
        problems.AddRange(unbalanced.Select(u => Broken(LedgerInvariants.Balanced, $"transaction #{u.Sequence}: {u.Count} entries summing to {u.Sum}, not zero")));

        var empty = await db.LedgerTransactions.Where(t => !db.LedgerEntries.Any(e => e.TransactionSequence == t.Sequence))
            .Select(t => t.Sequence).OrderBy(s => s).Take(100).ToListAsync(ct);
        problems.AddRange(empty.Select(s => Broken(LedgerInvariants.HasEntries, $"transaction #{s} has no entries")));

        var wallets = await db.Wallets.AsNoTracking()
            .Select(w => new
            {
                w.Id, w.Kind, w.Balance, w.AgencyId,
                Lots = db.CreditLots.Where(l => l.WalletId == w.Id).Sum(l => (long?)l.Remaining) ?? 0,
            })
            .ToListAsync(ct);
        // Every wallet's entries summed in one pass over the entries (they have no index by wallet: see LedgerEntryConfiguration).
        var sums = await db.LedgerEntries.GroupBy(e => e.WalletId).Select(g => new { Wallet = g.Key, Sum = g.Sum(e => e.Amount) }).ToListAsync(ct);
        var entries = sums.ToDictionary(s => s.Wallet, s => s.Sum);
        foreach (var w in wallets)
        {
            var sum = entries.GetValueOrDefault(w.Id);
            if (w.Balance != sum)
                problems.Add(Broken(LedgerInvariants.BalanceIsEntries, $"wallet {w.Id} ({w.Kind}): cached balance {w.Balance} but its entries sum to {sum}"));
            if (w.Balance < 0 && !w.Kind.MayGoNegative())
                problems.Add(Broken(LedgerInvariants.NoOverdraft, $"wallet {w.Id} ({w.Kind}) is overdrawn: {w.Balance}"));
            if (w.Kind.TracksLots() && w.Lots != w.Balance)
                problems.Add(Broken(LedgerInvariants.LotsAreBalance, $"wallet {w.Id} ({w.Kind}): lots hold {w.Lots} but the balance is {w.Balance}"));
        }

        var badLots = await db.CreditLots.Where(l => l.Remaining < 0 || l.Remaining > l.Original).Select(l => l.Id).OrderBy(id => id).Take(100).ToListAsync(ct);
        problems.AddRange(badLots.Select(id => Broken(LedgerInvariants.LotBounds, $"lot {id} holds a remaining amount outside 0..original")));

        var foreignEntries = await db.LedgerEntries
            .Join(db.Wallets, e => e.WalletId, w => w.Id, (e, w) => new { e.Id, e.AgencyId, WalletAgency = w.AgencyId })
            .Where(x => x.AgencyId != x.WalletAgency).Select(x => x.Id).OrderBy(id => id).Take(100).ToListAsync(ct);
        problems.AddRange(foreignEntries.Select(id => Broken(LedgerInvariants.EntryTenant, $"entry {id} carries a different agency than its wallet")));

        problems.AddRange(await VerifyPointersAsync(ct));
        problems.AddRange(await VerifyUsageCountersAsync(ct));

        var duplicateKeys = await db.LedgerTransactions.Where(t => t.IdempotencyKey != null)
            .GroupBy(t => new { t.IdempotencyScope, t.IdempotencyKey }).Where(g => g.Count() > 1)
            .Select(g => g.Key.IdempotencyKey).OrderBy(k => k).Take(100).ToListAsync(ct);
        problems.AddRange(duplicateKeys.Select(k => Broken(LedgerInvariants.KeyOnce, $"idempotency key '{k}' was applied more than once")));

        return new LedgerReport(
            await db.LedgerTransactions.CountAsync(ct), await db.LedgerEntries.CountAsync(ct), wallets.Count, problems);
    }

    private static string Broken(string invariant, string detail) => $"{invariant}: {detail}";

    private async Task<IEnumerable<string>> VerifyPointersAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        var agencies = await db.Agencies.AsNoTracking()
            .Select(a => new
            {
                a.Slug,
                Pool = db.Wallets.Any(w => w.Id == a.PoolWalletId && w.AgencyId == a.Id && w.Kind == WalletKind.Pool),
                Issuance = db.Wallets.Any(w => w.Id == a.IssuanceWalletId && w.AgencyId == a.Id && w.Kind == WalletKind.Issuance),
            })
            .Where(a => !a.Pool || !a.Issuance).ToListAsync(ct);
        problems.AddRange(agencies.Select(a => Broken(LedgerInvariants.WalletOwnership, $"agency {a.Slug} points at a pool or issuance wallet that is not its own")));

        var subAccounts = await db.SubAccounts.AsNoTracking()
            .Where(s => !db.Wallets.Any(w => w.Id == s.WalletId && w.SubAccountId == s.Id && w.Kind == WalletKind.SubAccount)
                || !db.Wallets.Any(w => w.Id == s.ConsumedWalletId && w.SubAccountId == s.Id && w.Kind == WalletKind.Consumed))
            .Select(s => s.Id).ToListAsync(ct);
        problems.AddRange(subAccounts.Select(id => Broken(LedgerInvariants.WalletOwnership, $"sub-account {id} points at a wallet that is not its own")));
        return problems;
    }

    // The monthly usage counter that enforces caps must equal the usage the ledger holds for that month from the source
    // of the account's mode (the pool in shared mode, its own wallet in reselling mode).
    private async Task<IEnumerable<string>> VerifyUsageCountersAsync(CancellationToken ct)
    {
        var month = SubAccount.MonthOf(clock.GetUtcNow());
        var counters = await db.SubAccounts.AsNoTracking().Where(s => s.UsageMonth == month)
            .Select(s => new { s.Id, s.UsageMonthCredits }).ToListAsync(ct);
        var usage = await (
                from u in MonthUsage.Of(db, month)
                join s in db.SubAccounts on u.SubAccountId equals (SubAccountId?)s.Id
                where u.FromPool == (s.CreditMode == CreditMode.Shared)
                group u by u.SubAccountId into g
                select new { SubAccountId = g.Key, Credits = g.Sum(u => u.Credits) })
            .ToListAsync(ct);
        // A usage debit whose entries are broken is reported above (unbalanced, or without entries); which wallet it
        // came from can no longer be told, so its account's counter is not checked against it as well.
        var start = MonthUsage.StartOf(month);
        var broken = (await db.LedgerTransactions
                .Where(t => t.Type == TransactionType.Usage && t.CreatedAt >= start && t.SubAccountId != null)
                .Where(t => db.LedgerEntries.Count(e => e.TransactionSequence == t.Sequence) < 2
                    || db.LedgerEntries.Where(e => e.TransactionSequence == t.Sequence).Sum(e => e.Amount) != 0)
                .Select(t => t.SubAccountId).Distinct().ToListAsync(ct))
            .OfType<SubAccountId>().ToHashSet();
        var byAccount = usage.ToDictionary(u => u.SubAccountId!.Value, u => u.Credits);
        var counted = counters.ToDictionary(c => c.Id, c => c.UsageMonthCredits);
        return byAccount.Keys.Union(counted.Keys)
            .Where(id => !broken.Contains(id) && byAccount.GetValueOrDefault(id) != counted.GetValueOrDefault(id))
            .Select(id => Broken(LedgerInvariants.UsageCounter,
                $"sub-account {id}: the monthly usage counter says {counted.GetValueOrDefault(id)} but the ledger holds {byAccount.GetValueOrDefault(id)}"));
    }
}
