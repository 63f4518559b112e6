using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// The usage debit as the ledger writer applies it hundreds of times a second: the same statements and rules as
/// <see cref="LedgerWriter"/> (the monthly cap and the balance each by one conditional UPDATE, lots burnt down in
/// <see cref="LotOrder"/>, two entries that sum to zero, the consumed sink's ceiling), written as plain ADO.NET on the
/// DbContext's connection and transaction (<see cref="RawSql"/>, <see cref="UsageDebitSql"/>) with no change tracking.
/// Anything out of the common case (a cap or balance that refuses, an expired lot to move out first, a low-balance
/// alert or auto-recharge that may be due) is handed back: the caller rolls the savepoint back and takes the general
/// path, which decides it exactly.
/// </summary>
public sealed class UsageHotPath : IDisposable
{
    private readonly EngineDbContext db;
    private readonly RechargeTrigger recharges;
    private readonly RawSql sql;
    private readonly UsageReads reads;
    private readonly UsageDebitSql statements;
    private readonly LotBurnDown lots;

    public UsageHotPath(EngineDbContext db, RechargeTrigger recharges)
    {
        this.db = db;
        this.recharges = recharges;
        sql = new RawSql(db);
        reads = new UsageReads(sql);
        statements = new UsageDebitSql(sql);
        lots = new LotBurnDown(sql, statements);
    }

    /// <summary>The transaction an earlier debit with this key in this scope made, if any.</summary>
    public async Task<FirstUse?> FirstUseAsync(string scope, string key, CancellationToken ct) =>
        (await FirstUsesAsync(scope, [key], ct)).GetValueOrDefault(key);

    /// <summary>The transactions earlier debits made with any of these keys in this scope, by key (one read).</summary>
    public async Task<Dictionary<string, FirstUse>> FirstUsesAsync(string scope, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var found = new Dictionary<string, FirstUse>(StringComparer.Ordinal);
        if (keys.Count > 0) await sql.ReadAllAsync([FirstUses(scope, keys, (key, first) => found[key] = first)], ct);
        return found;
    }

    /// <summary>The read of <see cref="FirstUsesAsync"/>, for a caller that sends it with others; keys must not be empty.</summary>
    internal RawRead FirstUses(string scope, IReadOnlyList<string> keys, Action<string, FirstUse> found) => reads.FirstUses(scope, keys, found);

    /// <summary>What a debit needs to know about a sub-account, in one read: tenant, features, state and wallets.</summary>
    public async Task<UsageFacts?> FactsAsync(SubAccountId id, CancellationToken ct) =>
        (await FactsAsync([id], ct)).GetValueOrDefault(id);

    /// <summary>The same for many sub-accounts, in one read; unknown ids are left out.</summary>
    public async Task<Dictionary<SubAccountId, UsageFacts>> FactsAsync(IReadOnlyList<SubAccountId> ids, CancellationToken ct)
    {
        var found = new Dictionary<SubAccountId, UsageFacts>();
        if (ids.Count > 0) await sql.ReadAllAsync([Facts(ids, fact => found[fact.Id] = fact)], ct);
        return found;
    }

    /// <summary>The read of <see cref="FactsAsync"/>, for a caller that sends it with others; ids must not be empty.</summary>
    internal RawRead Facts(IReadOnlyList<SubAccountId> ids, Action<UsageFacts> found) => reads.Facts(ids, found);

    /// <summary>
    /// Debits inside the caller's savepoint. Null means "not here": the caller rolls the savepoint back and takes the
    /// general path, which refuses or applies exactly. A balance too low for the debit is refused here (the caller
    /// rolls the savepoint back too), with the credits its live lots hold, as the general path would say.
    /// </summary>
    public async Task<Result<(TransactionId Id, long Credits)>?> TryDebitAsync(
        UsageFacts facts, UsageEvent usage, string scope, DateTimeOffset now, CancellationToken ct)
    {
        var credits = usage.Command.Credits.Units;
        var month = SubAccount.MonthOf(now);
        if (await sql.ExecuteAsync(statements.Cap,
            [
                sql.Arg<SubAccount>("UsageMonth", month), sql.Arg<SubAccount>("UsageMonthCredits", credits), sql.Arg<SubAccount>("Id", facts.Id),
                sql.Arg<SubAccount>("Paused", false), sql.Arg<SubAccount>("CreditMode", facts.Mode), sql.Arg<SubAccount>("CreditMode", CreditMode.Reselling),
            ], ct) != 1)
        {
            return null; // paused or switched meanwhile, or past the cap: the general path says which
        }
        var source = facts.Source;
        if (await sql.ExecuteAsync(statements.Withdraw, [sql.Arg<Wallet>("Balance", credits), sql.Arg<Wallet>("Id", source)], ct) != 1)
        {
            // Even counting lots past their expiry the balance is short: no path could apply this debit.
            return new InsufficientCredits(credits, await lots.LiveCreditsAsync(source, now, ct));
        }
        if (!await lots.TakeAsync(source, credits, now, ct))
        {
            return null;
        }
        var transaction = TransactionId.New();
        await sql.ExecuteAsync(statements.InsertTransaction, UsageDebitSql.UsageTransaction(sql, transaction, facts, usage, scope, credits, now), ct);
        await sql.ExecuteAsync(statements.InsertEntries,
            [
                L("Id", transaction), sql.Arg<LedgerEntry>("WalletId", source), sql.Arg<LedgerEntry>("WalletId", facts.Consumed),
                sql.Arg<LedgerEntry>("AgencyId", facts.AgencyId), sql.Arg<LedgerEntry>("Amount", -credits), sql.Arg<LedgerEntry>("Amount", credits),
            ], ct);
        if (await sql.ExecuteAsync(statements.Deposit,
            [sql.Arg<Wallet>("Balance", credits), sql.Arg<Wallet>("Id", facts.Consumed), sql.Arg<Wallet>("Balance", WalletBounds.Ceiling(credits))], ct) != 1)
        {
            return null;
        }
        LedgerCommits.Written(db, TransactionType.Usage); // counted once the batch commits
        if (facts.MayNotify)
        {
            await recharges.AfterDebitAsync(facts.Id, now, ct); // reads the new balance and decides: alert, recharge, or nothing
            await db.SaveChangesAsync(ct);
        }
        return (transaction, -credits);
    }

    public void Dispose() => sql.Dispose();

    private Arg L(string property, object? value) => sql.Arg<LedgerTransaction>(property, value);
}
