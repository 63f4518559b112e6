using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// What <see cref="StormRefusals"/> needs besides the journal: each wallet's balance when the storm began (a wallet is
/// <c>pool:{agency}</c> or <c>own:{sub-account}</c>), each sub-account's mode then and its monthly cap, the usage it
/// had already counted this month, and which posted usage drew on the pool rather than the sub-account's own wallet.
/// </summary>
public sealed record StormFacts(
    IReadOnlyDictionary<string, long> StartBalances,
    IReadOnlyDictionary<SubAccountId, CreditMode> StartModes,
    IReadOnlyDictionary<SubAccountId, long> Caps,
    IReadOnlyDictionary<SubAccountId, long> UsedBefore,
    IReadOnlySet<TransactionId> UsageFromPool)
{
    public static string Pool(AgencyId agency) => $"pool:{agency.Value}";

    public static string Own(SubAccountId subAccount) => $"own:{subAccount.Value}";

    /// <summary>Reads the facts from the ledger as it stood at <paramref name="sequenceBefore"/>, and what the storm posted after it.</summary>
    public static async Task<StormFacts> LoadAsync(EngineDbContext db, StormWorld world, long sequenceBefore)
    {
        var agencies = world.Agencies.Select(a => a.Id).ToList();
        var pools = await db.Agencies.Where(a => agencies.Contains(a.Id)).ToDictionaryAsync(a => a.PoolWalletId, a => Pool(a.Id), Ct);
        var subAccounts = await db.SubAccounts.Where(s => agencies.Contains(s.AgencyId))
            .Select(s => new { s.Id, s.WalletId, s.UsageCapPerMonth }).ToListAsync(Ct);
        var wallets = pools.Concat(subAccounts.Select(s => KeyValuePair.Create(s.WalletId, Own(s.Id)))).ToDictionary();
        var walletIds = wallets.Keys.ToList();

        var balances = await db.LedgerEntries.Where(e => walletIds.Contains(e.WalletId) && e.TransactionSequence <= sequenceBefore)
            .GroupBy(e => e.WalletId).Select(g => new { g.Key, Sum = g.Sum(e => e.Amount) }).ToListAsync(Ct);
        var usedBefore = await db.LedgerTransactions
            .Where(t => agencies.Contains(t.AgencyId) && t.Type == TransactionType.Usage && t.Sequence <= sequenceBefore && t.SubAccountId != null)
            .GroupBy(t => t.SubAccountId!.Value).Select(g => new { g.Key, Sum = -g.Sum(t => t.Credits) }).ToListAsync(Ct);
        var poolIds = pools.Keys.ToList();
        var fromPool = await db.LedgerTransactions
            .Where(t => t.Sequence > sequenceBefore && t.Type == TransactionType.Usage
                && db.LedgerEntries.Any(e => e.TransactionSequence == t.Sequence && e.Amount < 0 && poolIds.Contains(e.WalletId)))
            .Select(t => t.Id).ToListAsync(Ct);

        return new StormFacts(
            wallets.Values.ToDictionary(w => w, w => balances.SingleOrDefault(b => wallets[b.Key] == w)?.Sum ?? 0),
            world.Agencies.SelectMany(a => a.SubAccounts.Select(s => KeyValuePair.Create(s, a.StartsReselling.Contains(s) ? CreditMode.Reselling : CreditMode.Shared)))
                .ToDictionary(),
            subAccounts.Where(s => s.UsageCapPerMonth is not null).ToDictionary(s => s.Id, s => s.UsageCapPerMonth!.Value),
            usedBefore.ToDictionary(u => u.Key, u => u.Sum),
            fromPool.ToHashSet());
    }
}
