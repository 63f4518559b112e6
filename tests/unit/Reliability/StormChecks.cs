using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.StripeSandbox;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// What must hold after a storm, read straight from the database: the ledger verifies, no wallet is overdrawn,
/// every Idempotency-Key posted at most once (and exactly the transaction its client was told about), the ledger
/// holds exactly the grants and usage the clients were told were posted, every paid checkout was granted once
/// and reversed exactly as far as it was refunded, and every refusal had a cause (<see cref="StormRefusals"/>).
/// </summary>
public sealed class StormChecks(ApiFixture api, StormWorld world, StormJournal journal, long sequenceBefore)
{
    private readonly List<string> problems = [];

    public static async Task<long> LastSequenceAsync(ApiFixture api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().LedgerTransactions.MaxAsync(t => (long?)t.Sequence, Ct) ?? 0;
    }

    /// <summary>Waits for the sandbox's webhooks to be delivered, then returns every broken promise.</summary>
    public async Task<IReadOnlyList<string>> RunAsync()
    {
        await DrainOutboxAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        problems.AddRange((await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems);
        await NoOverdraftsAsync(db);
        await KeysPostedOnceAsync(db);
        await LedgerHoldsWhatClientsWereToldAsync(db);
        await PaidSessionsGrantedOnceAsync(db);
        await RefundsReversedExactlyAsync(db);
        await RefusalsExplainedAsync(db);
        return problems;
    }

    private async Task DrainOutboxAsync()
    {
        var pending = await Eventually.ReturnsAsync(async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().OutboxMessages
                .CountAsync(m => m.Topic == SandboxEvents.Topic && m.CompletedAt == null, Ct);
        }, n => n == 0, TimeSpan.FromMinutes(3));
        if (pending > 0) problems.Add($"{pending} sandbox webhooks were still undelivered three minutes after the storm");
    }

    private async Task NoOverdraftsAsync(EngineDbContext db)
    {
        var overdrawn = await db.Wallets.Where(w => w.Balance < 0 && w.Kind != WalletKind.Issuance).Select(w => w.Id).ToListAsync(Ct);
        problems.AddRange(overdrawn.Select(id => $"wallet {id} is overdrawn"));
    }

    private async Task KeysPostedOnceAsync(EngineDbContext db)
    {
        var keyed = await db.LedgerTransactions.Where(t => t.IdempotencyKey != null)
            .Select(t => new { t.AgencyId, t.IdempotencyKey, t.Id }).ToListAsync(Ct);
        var byKey = keyed.GroupBy(t => StormJournal.Keyed(t.AgencyId, t.IdempotencyKey!)).ToDictionary(g => g.Key, g => g.Select(t => t.Id).ToList());
        problems.AddRange(byKey.Where(k => k.Value.Count > 1).Select(k => $"Idempotency-Key {k.Key} posted {k.Value.Count} transactions"));
        foreach (var (key, id) in journal.KeyedSuccesses)
        {
            if (!byKey.TryGetValue(key, out var posted) || !posted.Contains(id))
                problems.Add($"Idempotency-Key {key} was answered with transaction {id}, which the ledger does not hold under that key");
        }
        problems.AddRange(journal.KeyedRefusals.Keys.Where(k => !journal.KeyedSuccesses.ContainsKey(k) && byKey.ContainsKey(k))
            .Select(k => $"Idempotency-Key {k} was refused, yet it posted a transaction"));
    }

    private async Task LedgerHoldsWhatClientsWereToldAsync(EngineDbContext db)
    {
        var agencies = world.Agencies.Select(a => a.Id).ToList();
        var posted = await db.LedgerTransactions
            .Where(t => t.Sequence > sequenceBefore && agencies.Contains(t.AgencyId) && (t.Type == TransactionType.Usage || t.Type == TransactionType.Grant))
            .Select(t => t.Id).ToListAsync(Ct);
        problems.AddRange(posted.Where(id => !journal.Posted.ContainsKey(id)).Take(20).Select(id => $"transaction {id} is in the ledger but no client was told it was posted"));
        var held = posted.ToHashSet();
        problems.AddRange(journal.Posted.Keys.Where(id => !held.Contains(id)).Take(20).Select(id => $"transaction {id} was reported as posted but is not in the ledger"));
    }

    private async Task PaidSessionsGrantedOnceAsync(EngineDbContext db)
    {
        var grants = await db.LedgerTransactions.Where(t => t.Type == TransactionType.Purchase)
            .Select(t => new { t.Reference, t.Credits }).ToListAsync(Ct);
        var bySession = grants.GroupBy(g => g.Reference!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var session in journal.PaidSessions.Keys)
        {
            var granted = bySession.GetValueOrDefault(session) ?? [];
            if (granted.Count != 1 || granted[0].Credits != StormWorld.PackCredits)
                problems.Add($"paid session {session} was granted {granted.Count} time(s): {string.Join(", ", granted.Select(g => g.Credits))}");
        }
        problems.AddRange(bySession.Keys.Where(s => !journal.PaidSessions.ContainsKey(s)).Select(s => $"session {s} was granted but never paid"));
        var pending = await db.Purchases.Where(p => p.State == PurchaseState.Pending && p.CheckoutSessionId != null)
            .Select(p => p.CheckoutSessionId!).ToListAsync(Ct);
        problems.AddRange(pending.Where(journal.PaidSessions.ContainsKey).Select(s => $"paid session {s} is still pending"));
    }

    private async Task RefusalsExplainedAsync(EngineDbContext db)
    {
        var refusals = new StormRefusals(await StormFacts.LoadAsync(db, world, sequenceBefore), journal.Operations.ToList());
        var unexplained = refusals.Unexplained().ToList();
        journal.Outcomes["refusals explained"] = journal.Operations.Count(o => o.Refused is not null) - unexplained.Count;
        problems.AddRange(unexplained.Take(20));
        if (unexplained.Count > 20) problems.Add($"... and {unexplained.Count - 20} more unexplained refusals");
    }

    private async Task RefundsReversedExactlyAsync(EngineDbContext db)
    {
        var purchases = await db.Purchases.Where(p => p.AmountRefunded > 0 || p.CreditsReversed > 0)
            .Select(p => new { p.Id, p.SubAccountId, p.Credits, p.Amount, p.AmountRefunded, p.CreditsReversed }).ToListAsync(Ct);
        problems.AddRange(purchases.Where(p => p.CreditsReversed != p.Credits * p.AmountRefunded / p.Amount)
            .Select(p => $"purchase {p.Id}: {p.AmountRefunded} of {p.Amount} refunded but {p.CreditsReversed} of {p.Credits} credits reversed"));
        var taken = (await db.LedgerTransactions.Where(t => t.Type == TransactionType.Refund).Select(t => new { t.SubAccountId, t.Credits }).ToListAsync(Ct))
            .GroupBy(t => t.SubAccountId!.Value).ToDictionary(g => g.Key, g => -g.Sum(t => t.Credits));
        var debts = await db.SubAccounts.Where(s => s.DebtCredits > 0).ToDictionaryAsync(s => s.Id, s => s.DebtCredits, Ct);
        foreach (var subAccount in purchases.GroupBy(p => p.SubAccountId))
        {
            var reversed = subAccount.Sum(p => p.CreditsReversed);
            var accounted = taken.GetValueOrDefault(subAccount.Key) + debts.GetValueOrDefault(subAccount.Key);
            if (reversed != accounted)
                problems.Add($"sub-account {subAccount.Key}: {reversed} credits reversed, but refunds took {taken.GetValueOrDefault(subAccount.Key)} and recorded {debts.GetValueOrDefault(subAccount.Key)} as debt");
        }
    }
}
