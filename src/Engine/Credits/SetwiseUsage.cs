using System.Data.Common;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// A batch of usage events applied set-wise, in the common case: the keys, sub-accounts, wallets and lots of the whole
/// batch are read with one query each, every event is decided in memory against running balances in request order
/// (with <see cref="ApplyUsage"/>'s own checks and the same refusals: insufficient credits, the monthly cap, paused,
/// a key used before or earlier in the batch), and the outcome is written with a few statements: guarded UPDATEs of
/// each sub-account, wallet and lot (<c>WHERE balance = what was read</c>, so any change since the read fails it; on
/// PostgreSQL one statement per table, see <see cref="UsagePlanStatements"/>) and multi-row INSERTs for the
/// transactions and their entries. Everything happens under a savepoint in the writer's
/// transaction. Null means "not here": nothing was written, and the caller applies the events one by one as before.
/// That happens for anything out of the common case (a low-balance alert or auto-recharge that may be due, an expired
/// lot to move out first, lots that do not sum to their wallet, a consumed sink at its ceiling) and when a guarded
/// UPDATE or an INSERT finds the database changed (another node on PostgreSQL).
/// </summary>
public sealed partial class SetwiseUsage(EngineDbContext db, UsageHotPath hot, TimeProvider clock) : IDisposable
{
    private const string Savepoint = "usage_set";

    // Values per statement: well under SQL Server's 2,100 parameters.
    private const int Chunk = 100;

    private readonly RawSql sql = new(db);

    public async Task<IReadOnlyList<UsageResult>?> TryApplyAsync(Tenant caller, IReadOnlyList<UsageEvent> events, CancellationToken ct) =>
        await PlanAsync(events.Select(e => (caller, e)).ToList(), ct) is { } plan ? await WriteAsync(plan, ct) : null;

    /// <summary>
    /// Writes what <see cref="PlanAsync"/> decided under a savepoint, with <paramref name="alsoWrite"/> (the callers'
    /// idempotency records) after it, all sent together (<see cref="UsagePlanStatements"/>); or nothing (null) when
    /// the database changed since.
    /// </summary>
    internal async Task<IReadOnlyList<UsageResult>?> WriteAsync(UsagePlan plan, CancellationToken ct, IReadOnlyList<RawStatement>? alsoWrite = null)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Usage is applied inside the ledger writer's transaction.");
        // Where the rows go as JSON (SQLite), the transactions are numbered from the last sequence taken.
        var lastSequence = sql.BindsRowsAsJson && plan.Rows.Count > 0 ? await sql.LastKeyAsync<LedgerTransaction>("Sequence", ct) : 0;
        var statements = new UsagePlanStatements(sql).Of(plan, lastSequence);
        statements.AddRange((alsoWrite ?? []).Select(s => (s, (int?)null)));
        if (sql.SendsTogether && sql.IsPostgres)
        {
            statements.Insert(0, (new RawStatement($"SAVEPOINT {Savepoint}", []), null)); // one round trip less
        }
        else
        {
            await transaction.CreateSavepointAsync(Savepoint, ct);
        }
        try
        {
            var affected = await sql.ExecuteAllAsync(statements.Select(s => s.Statement).ToList(), ct);
            if (statements.Select((s, i) => s.Rows is not { } rows || affected[i] == rows).All(held => held))
            {
                // The savepoint is left in place rather than released (a round trip): the commit takes it with the rest.
                foreach (var _ in plan.Rows) LedgerCommits.Written(db, TransactionType.Usage); // counted once the batch commits
                return plan.Results.Select(r => r!).ToArray();
            }
        }
        catch (DbException)
        {
            // A key or row another node wrote since the reads: the one-by-one path sees it and decides exactly.
        }
        await transaction.RollbackToSavepointAsync(Savepoint, ct);
        return null;
    }

    /// <summary>
    /// Reads the batch's facts and decides every event in memory; null when it is out of the common case. The reads go
    /// together, in one round trip where the provider batches, with <paramref name="alsoRead"/> (the callers' idempotency
    /// records); then an event <paramref name="skip"/> names (looked at once they are read) is left undecided, its result null.
    /// </summary>
    internal async Task<UsagePlan?> PlanAsync(
        IReadOnlyList<(Tenant Caller, UsageEvent Usage)> events, CancellationToken ct, IReadOnlyList<RawRead>? alsoRead = null, Func<int, bool>? skip = null)
    {
        var now = clock.GetUtcNow();
        var plan = new UsagePlan(events.Count, SubAccount.MonthOf(now), now);
        var valid = events.Select(e => !e.Usage.Command.Validate().Any).ToArray();
        var scopeOf = new Dictionary<Tenant, string>(); // the events of a batch share their caller: its scope is made once
        var scopes = events.Select(e => scopeOf.TryGetValue(e.Caller, out var s) ? s : scopeOf[e.Caller] = IdempotencyScopes.Of(e.Caller)).ToArray();

        var reads = new List<RawRead>(alsoRead ?? []);
        var firstUses = new Dictionary<(string Scope, string Key), FirstUse>();
        foreach (var scope in events.Select((e, i) => (Event: e, Scope: scopes[i], Valid: valid[i])).Where(e => e.Valid && e.Event.Usage.Key is not null)
            .GroupBy(e => e.Scope, e => e.Event.Usage.Key!))
        {
            foreach (var keys in scope.Distinct(StringComparer.Ordinal).Chunk(Chunk))
            {
                reads.Add(hot.FirstUses(scope.Key, keys, (key, first) => firstUses[(scope.Key, key)] = first));
            }
        }
        var facts = new Dictionary<SubAccountId, UsageFacts>();
        var subAccounts = events.Where((_, i) => valid[i]).Select(e => e.Usage.SubAccountId).Distinct().ToList();
        foreach (var ids in subAccounts.Chunk(Chunk))
        {
            reads.Add(hot.Facts(ids, fact => facts[fact.Id] = fact));
        }
        var walletsFirst = WalletsWithFirstReads && subAccounts.Count > 0;
        if (walletsFirst) reads.AddRange(WalletsOf(plan, subAccounts));
        await sql.ReadAllAsync(reads, ct);
        var decide = events.Select((_, i) => skip?.Invoke(i) != true).ToArray();
        var debited = events.Select((e, i) => decide[i] && facts.GetValueOrDefault(e.Usage.SubAccountId) is { } f && !ApplyUsage.Refuses(e.Caller, f, out _) ? f : null)
            .OfType<UsageFacts>().Distinct<UsageFacts>(ReferenceEqualityComparer.Instance).ToList(); // one instance per sub-account: no need to hash every field
        if (debited.Any(f => f.MayNotify))
        {
            return null; // the new balance may call for an alert or a recharge: the one-by-one path decides that
        }
        if (!walletsFirst) await ReadWalletsAsync(plan, debited.Select(f => f.Source).Concat(debited.Select(f => f.Consumed)).Distinct().ToList(), ct);
        foreach (var wallet in plan.Wallets.Values) wallet.Settle(now);

        var applied = new Dictionary<(string Scope, string Key), FirstUse>();
        for (var i = 0; i < events.Count; i++)
        {
            var (caller, usage) = events[i];
            var scope = scopes[i];
            if (!decide[i]) continue;
            if (!valid[i])
            {
                plan.Results[i] = UsageResult.Refused(usage.Command.Validate().ToError());
                continue;
            }
            if (usage.Key is { } key && (applied.TryGetValue((scope, key), out var first) || firstUses.TryGetValue((scope, key), out first)))
            {
                plan.Results[i] = ApplyUsage.Replayed(usage, first);
                continue;
            }
            var fact = facts.GetValueOrDefault(usage.SubAccountId);
            if (ApplyUsage.Refuses(caller, fact, out var refusal))
            {
                plan.Results[i] = UsageResult.Refused(refusal);
                continue;
            }
            var decided = plan.Debit(fact, usage, scope);
            if (decided is null) return null;
            plan.Results[i] = decided;
            if (usage.Key is not null && decided.Status == UsageStatus.Applied)
            {
                applied[(scope, usage.Key)] = new FirstUse(decided.TransactionId!.Value, TransactionType.Usage, fact.Id, decided.Credits, usage.RequestHash,
                    usage.RequestHash is null ? UsageContent.Of(usage.Command) : null);
            }
        }
        return plan;
    }

    // Each wallet's balance and live lots, read together (the lots after their wallets).
    private async Task ReadWalletsAsync(UsagePlan plan, IReadOnlyList<WalletId> wallets, CancellationToken ct)
    {
        var reads = new List<RawRead>();
        foreach (var ids in wallets.Chunk(Chunk))
        {
            reads.AddRange(WalletReads(plan, RawSql.In(ids.Length, 0), ids.Select(id => sql.Arg<Wallet>("Id", id)).ToList()));
        }
        await sql.ReadAllAsync(reads, ct);
    }

    // The balance and live lots of the wallets whose id is {ids} (an IN list or a subquery, bound by args), the lots after their wallets.
    private RawRead[] WalletReads(UsagePlan plan, string ids, IReadOnlyList<Arg> args)
    {
        var text = $"SELECT {C<Wallet>("Id")}, {C<Wallet>("Balance")} FROM {sql.Table<Wallet>()} WHERE {C<Wallet>("Id")} {ids}";
        var wallets = new RawRead(new RawStatement(text, args), reader =>
        {
            var id = WalletId.From(reader.GetGuid(0));
            plan.Wallets[id] = new WalletState(id, reader.GetInt64(1));
        });
        text = $"SELECT {C<CreditLot>("Id")}, {C<CreditLot>("Remaining")}, {C<CreditLot>("ExpiresAt")}, {C<CreditLot>("Promotional")}, {C<CreditLot>("WalletId")} " +
            $"FROM {sql.Table<CreditLot>()} WHERE {C<CreditLot>("WalletId")} {ids} AND {C<CreditLot>("Remaining")} > 0";
        var lots = new RawRead(new RawStatement(text, args), reader =>
        {
            var expiresAt = reader.IsDBNull(2) ? (DateTimeOffset?)null : sql.Value<DateTimeOffset>(reader, 2, typeof(CreditLot), "ExpiresAt");
            plan.Wallets[WalletId.From(reader.GetGuid(4))].Lots.Add(new LotState(reader.GetInt64(0), reader.GetInt64(1), expiresAt, reader.GetBoolean(3)));
        });
        return [wallets, lots];
    }

    public void Dispose() => sql.Dispose();

    private string C<TEntity>(string property) => sql.Column<TEntity>(property);
}
