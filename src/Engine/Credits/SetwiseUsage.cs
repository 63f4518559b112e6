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
/// a key used before or earlier in the batch), and the outcome is written with a few statements: one guarded UPDATE per
/// sub-account, wallet and lot (<c>WHERE balance = what was read</c>, so any change since the read fails it) and
/// multi-row INSERTs for the transactions and their entries. Everything happens under a savepoint in the writer's
/// transaction. Null means "not here": nothing was written, and the caller applies the events one by one as before.
/// That happens for anything out of the common case (a low-balance alert or auto-recharge that may be due, an expired
/// lot to move out first, lots that do not sum to their wallet, a consumed sink at its ceiling) and when a guarded
/// UPDATE or an INSERT finds the database changed (another node on PostgreSQL).
/// </summary>
public sealed class SetwiseUsage(EngineDbContext db, UsageHotPath hot, TimeProvider clock) : IDisposable
{
    private const string Savepoint = "usage_set";

    // Values per statement: well under SQL Server's 2,100 parameters.
    private const int Chunk = 100;

    private readonly RawSql sql = new(db);

    public async Task<IReadOnlyList<UsageResult>?> TryApplyAsync(Tenant caller, IReadOnlyList<UsageEvent> events, CancellationToken ct) =>
        await PlanAsync(events.Select(e => (caller, e)).ToList(), ct) is { } plan ? await WriteAsync(plan, ct) : null;

    /// <summary>
    /// Writes what <see cref="PlanAsync"/> decided under a savepoint, then <paramref name="alsoWrite"/> (the callers'
    /// idempotency records) under the same one; or nothing (null) when the database changed since.
    /// </summary>
    internal async Task<IReadOnlyList<UsageResult>?> WriteAsync(UsagePlan plan, CancellationToken ct, Func<CancellationToken, Task>? alsoWrite = null)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Usage is applied inside the ledger writer's transaction.");
        await transaction.CreateSavepointAsync(Savepoint, ct);
        var written = LedgerCommits.Mark(db);
        try
        {
            if (await WriteRowsAsync(plan, ct))
            {
                if (alsoWrite is not null) await alsoWrite(ct);
                await transaction.ReleaseSavepointAsync(Savepoint, ct);
                return plan.Results.Select(r => r!).ToArray();
            }
        }
        catch (DbException)
        {
            // A key or row another node wrote since the reads: the one-by-one path sees it and decides exactly.
        }
        await transaction.RollbackToSavepointAsync(Savepoint, ct);
        LedgerCommits.RolledBackTo(db, written);
        return null;
    }

    /// <summary>Reads the batch's facts and decides every event in memory; null when it is out of the common case.</summary>
    internal async Task<UsagePlan?> PlanAsync(IReadOnlyList<(Tenant Caller, UsageEvent Usage)> events, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var plan = new UsagePlan(events.Count, SubAccount.MonthOf(now), now);
        var valid = events.Select(e => !e.Usage.Command.Validate().Any).ToArray();
        var scopes = events.Select(e => IdempotencyScopes.Of(e.Caller)).ToArray();

        var firstUses = new Dictionary<(string Scope, string Key), FirstUse>();
        foreach (var scope in events.Where((e, i) => valid[i] && e.Usage.Key is not null).GroupBy(e => IdempotencyScopes.Of(e.Caller), e => e.Usage.Key!))
        {
            foreach (var keys in scope.Distinct(StringComparer.Ordinal).Chunk(Chunk))
            {
                foreach (var (key, first) in await hot.FirstUsesAsync(scope.Key, keys, ct)) firstUses[(scope.Key, key)] = first;
            }
        }
        var facts = new Dictionary<SubAccountId, UsageFacts>();
        foreach (var ids in events.Where((_, i) => valid[i]).Select(e => e.Usage.SubAccountId).Distinct().Chunk(Chunk))
        {
            foreach (var (id, fact) in await hot.FactsAsync(ids, ct)) facts[id] = fact;
        }
        var debited = events.Select(e => facts.GetValueOrDefault(e.Usage.SubAccountId) is { } f && !ApplyUsage.Refuses(e.Caller, f, out _) ? f : null)
            .OfType<UsageFacts>().Distinct().ToList();
        if (debited.Any(f => f.MayNotify))
        {
            return null; // the new balance may call for an alert or a recharge: the one-by-one path decides that
        }
        await ReadWalletsAsync(plan, debited.Select(f => f.Source).Concat(debited.Select(f => f.Consumed)).Distinct().ToList(), now, ct);

        var applied = new Dictionary<(string Scope, string Key), FirstUse>();
        for (var i = 0; i < events.Count; i++)
        {
            var (caller, usage) = events[i];
            var scope = scopes[i];
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
                applied[(scope, usage.Key)] = new FirstUse(decided.TransactionId!.Value, TransactionType.Usage, fact.Id, decided.Credits);
            }
        }
        return plan;
    }

    private async Task ReadWalletsAsync(UsagePlan plan, IReadOnlyList<WalletId> wallets, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var ids in wallets.Chunk(Chunk))
        {
            var text = $"SELECT {C<Wallet>("Id")}, {C<Wallet>("Balance")} FROM {sql.Table<Wallet>()} WHERE {C<Wallet>("Id")} {RawSql.In(ids.Length, 0)}";
            await using (var reader = await sql.ReadAsync(text, ids.Select(id => sql.Arg<Wallet>("Id", id)).ToList(), ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var id = WalletId.From(reader.GetGuid(0));
                    plan.Wallets[id] = new WalletState(id, reader.GetInt64(1));
                }
            }
            text = $"SELECT {C<CreditLot>("Id")}, {C<CreditLot>("Remaining")}, {C<CreditLot>("ExpiresAt")}, {C<CreditLot>("Promotional")}, {C<CreditLot>("WalletId")} " +
                $"FROM {sql.Table<CreditLot>()} WHERE {C<CreditLot>("WalletId")} {RawSql.In(ids.Length, 0)} AND {C<CreditLot>("Remaining")} > 0";
            await using (var reader = await sql.ReadAsync(text, ids.Select(id => sql.Arg<CreditLot>("WalletId", id)).ToList(), ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var expiresAt = reader.IsDBNull(2) ? (DateTimeOffset?)null : sql.Value<DateTimeOffset>(reader, 2, typeof(CreditLot), "ExpiresAt");
                    plan.Wallets[WalletId.From(reader.GetGuid(4))].Lots.Add(new LotState(reader.GetInt64(0), reader.GetInt64(1), expiresAt, reader.GetBoolean(3)));
                }
            }
        }
        foreach (var wallet in plan.Wallets.Values) wallet.Settle(now);
    }

    // Row locks in the order every writer takes them: sub-accounts, then the wallets credits leave, then the sinks.
    private async Task<bool> WriteRowsAsync(UsagePlan plan, CancellationToken ct)
    {
        if (plan.Rows.Count == 0) return true;
        foreach (var sub in plan.SubAccounts.Values.Where(s => s.Used != s.UsedBefore).OrderBy(s => s.Facts.Id.Value))
        {
            if (await sql.ExecuteAsync(CapSql,
                [
                    sql.Arg<SubAccount>("UsageMonth", plan.Month), sql.Arg<SubAccount>("UsageMonthCredits", sub.Used), sql.Arg<SubAccount>("Id", sub.Facts.Id),
                    sql.Arg<SubAccount>("Paused", false), sql.Arg<SubAccount>("CreditMode", sub.Facts.Mode), sql.Arg<SubAccount>("UsageMonthCredits", sub.UsedBefore),
                    sql.Arg<SubAccount>("CreditMode", CreditMode.Reselling),
                ], ct) != 1)
            {
                return false;
            }
        }
        var moved = plan.Wallets.Values.Where(w => w.Balance != w.Before).ToList();
        foreach (var wallet in moved.Where(w => w.Balance < w.Before).OrderBy(w => w.Id.Value))
        {
            if (!await MoveAsync(wallet, ct)) return false;
            foreach (var lot in wallet.Lots.Where(l => l.Remaining != l.Before))
            {
                if (await sql.ExecuteAsync(TakeSql,
                    [sql.Arg<CreditLot>("Remaining", lot.Remaining), sql.Arg<CreditLot>("Id", lot.Id), sql.Arg<CreditLot>("Remaining", lot.Before)], ct) != 1)
                {
                    return false;
                }
            }
        }
        foreach (var rows in plan.Rows.Chunk(Chunk))
        {
            await InsertTransactionsAsync(plan, rows, ct);
            await InsertEntriesAsync(rows, await SequencesAsync(rows, ct), ct);
        }
        foreach (var wallet in moved.Where(w => w.Balance > w.Before).OrderBy(w => w.Id.Value))
        {
            if (!await MoveAsync(wallet, ct)) return false;
        }
        foreach (var _ in plan.Rows) LedgerCommits.Written(db, TransactionType.Usage); // counted once the batch commits
        return true;
    }

    private async Task<bool> MoveAsync(WalletState wallet, CancellationToken ct) =>
        await sql.ExecuteAsync(MoveSql,
            [sql.Arg<Wallet>("Balance", wallet.Balance), sql.Arg<Wallet>("Id", wallet.Id), sql.Arg<Wallet>("Balance", wallet.Before)], ct) == 1;

    private async Task InsertTransactionsAsync(UsagePlan plan, DebitRow[] rows, CancellationToken ct)
    {
        var columns = TransactionColumns.Length;
        var text = $"INSERT INTO {sql.Table<LedgerTransaction>()} ({string.Join(", ", TransactionColumns.Select(C<LedgerTransaction>))}) VALUES " +
            string.Join(", ", rows.Select((_, r) => $"({string.Join(", ", Enumerable.Range(r * columns, columns).Select(i => $"@p{i}"))})"));
        var args = new List<Arg>(rows.Length * columns);
        foreach (var row in rows)
        {
            var command = row.Usage.Command;
            args.AddRange(
            [
                L("Id", row.Id), L("AgencyId", row.Facts.AgencyId), L("SubAccountId", row.Facts.Id), L("Type", TransactionType.Usage), L("Credits", -row.Credits),
                L("Description", command.Description), L("Reference", null), L("IdempotencyScope", row.Usage.Key is null ? null : row.Scope),
                L("IdempotencyKey", row.Usage.Key), L("CampaignId", command.CampaignId), L("ContactId", command.ContactId), L("Metadata", command.MetadataJson),
                L("CreatedAt", plan.Now),
            ]);
        }
        await sql.ExecuteAsync(text, args, ct);
    }

    // The sequences the database gave the transactions just inserted: each entry carries its transaction's.
    private async Task<Dictionary<TransactionId, long>> SequencesAsync(DebitRow[] rows, CancellationToken ct)
    {
        var sequences = new Dictionary<TransactionId, long>(rows.Length);
        var text = $"SELECT {C<LedgerTransaction>("Id")}, {C<LedgerTransaction>("Sequence")} FROM {sql.Table<LedgerTransaction>()} " +
            $"WHERE {C<LedgerTransaction>("Id")} {RawSql.In(rows.Length, 0)}";
        await using var reader = await sql.ReadAsync(text, rows.Select(r => L("Id", r.Id)).ToList(), ct);
        while (await reader.ReadAsync(ct))
        {
            sequences[TransactionId.From(reader.GetGuid(0))] = reader.GetInt64(1);
        }
        return sequences;
    }

    private async Task InsertEntriesAsync(DebitRow[] rows, Dictionary<TransactionId, long> sequences, CancellationToken ct)
    {
        var text = $"INSERT INTO {sql.Table<LedgerEntry>()} ({C<LedgerEntry>("TransactionSequence")}, {C<LedgerEntry>("WalletId")}, {C<LedgerEntry>("AgencyId")}, {C<LedgerEntry>("Amount")}) VALUES " +
            string.Join(", ", Enumerable.Range(0, rows.Length * 2).Select(r => $"(@p{r * 4}, @p{r * 4 + 1}, @p{r * 4 + 2}, @p{r * 4 + 3})"));
        var args = new List<Arg>(rows.Length * 8);
        foreach (var row in rows)
        {
            var sequence = sequences[row.Id];
            args.AddRange(
            [
                E("TransactionSequence", sequence), E("WalletId", row.Facts.Source), E("AgencyId", row.Facts.AgencyId), E("Amount", -row.Credits),
                E("TransactionSequence", sequence), E("WalletId", row.Facts.Consumed), E("AgencyId", row.Facts.AgencyId), E("Amount", row.Credits),
            ]);
        }
        await sql.ExecuteAsync(text, args, ct);
    }

    public void Dispose() => sql.Dispose();

    private string C<TEntity>(string property) => sql.Column<TEntity>(property);

    private Arg L(string property, object? value) => sql.Arg<LedgerTransaction>(property, value);

    private Arg E(string property, object? value) => sql.Arg<LedgerEntry>(property, value);

    private string? capSql, moveSql, takeSql;

    // The month's usage as it was read, the state that let every debit through, or nothing is written.
    private string CapSql => capSql ??=
        $"UPDATE {sql.Table<SubAccount>()} SET {C<SubAccount>("UsageMonthCredits")} = @p1, {C<SubAccount>("UsageMonth")} = @p0 " +
        $"WHERE {C<SubAccount>("Id")} = @p2 AND {C<SubAccount>("Paused")} = @p3 AND {C<SubAccount>("CreditMode")} = @p4 " +
        $"AND (CASE WHEN {C<SubAccount>("UsageMonth")} = @p0 THEN {C<SubAccount>("UsageMonthCredits")} ELSE 0 END) = @p5 " +
        $"AND ({C<SubAccount>("CreditMode")} = @p6 OR {C<SubAccount>("UsageCapPerMonth")} IS NULL OR @p1 <= {C<SubAccount>("UsageCapPerMonth")})";

    private string MoveSql => moveSql ??=
        $"UPDATE {sql.Table<Wallet>()} SET {C<Wallet>("Balance")} = @p0 WHERE {C<Wallet>("Id")} = @p1 AND {C<Wallet>("Balance")} = @p2";

    private string TakeSql => takeSql ??=
        $"UPDATE {sql.Table<CreditLot>()} SET {C<CreditLot>("Remaining")} = @p0 WHERE {C<CreditLot>("Id")} = @p1 AND {C<CreditLot>("Remaining")} = @p2";

    private static string[] TransactionColumns => UsageHotPath.TransactionColumns;
}
