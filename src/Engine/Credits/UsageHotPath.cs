using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Plans;
using ResellerKit.Engine.Recharges;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// The usage debit as the ledger writer applies it hundreds of times a second: the same statements and rules as
/// <see cref="LedgerWriter"/> (the monthly cap and the balance each by one conditional UPDATE, lots burnt down in
/// <see cref="LotOrder"/>, two entries that sum to zero, the consumed sink's ceiling), written as plain ADO.NET on the
/// DbContext's connection and transaction (<see cref="RawSql"/>) with no change tracking. Anything out of the common
/// case (a cap or balance that refuses, an expired lot to move out first, a low-balance alert or auto-recharge that may
/// be due) is handed back: the caller rolls the savepoint back and takes the general path, which decides it exactly.
/// </summary>
public sealed class UsageHotPath(EngineDbContext db, RechargeTrigger recharges) : IDisposable
{
    private readonly RawSql sql = new(db);

    // Built from the model on first use, then kept for the batch's other operations.
    private string? factsSql;

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
    internal RawRead FirstUses(string scope, IReadOnlyList<string> keys, Action<string, FirstUse> found)
    {
        var sqlText = $"SELECT {T<LedgerTransaction>("Id")}, {T<LedgerTransaction>("Type")}, {T<LedgerTransaction>("SubAccountId")}, {T<LedgerTransaction>("Credits")}, {T<LedgerTransaction>("IdempotencyKey")} " +
            $"FROM {sql.Table<LedgerTransaction>()} WHERE {sql.ScopedKeys(T<LedgerTransaction>("IdempotencyScope"), T<LedgerTransaction>("IdempotencyKey"), keys.Count)}";
        return new RawRead(new RawStatement(sqlText, [sql.Arg<LedgerTransaction>("IdempotencyScope", scope), .. keys.Select(k => sql.Arg<LedgerTransaction>("IdempotencyKey", k))]),
            reader => found(reader.GetString(4), new FirstUse(TransactionId.From(reader.GetGuid(0)), Enum.Parse<TransactionType>(reader.GetString(1)),
                reader.IsDBNull(2) ? null : SubAccountId.From(reader.GetGuid(2)), reader.GetInt64(3))));
    }

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
    internal RawRead Facts(IReadOnlyList<SubAccountId> ids, Action<UsageFacts> found)
    {
        factsSql ??= $"SELECT s.{S("AgencyId")}, s.{S("CreditMode")}, s.{S("Paused")}, s.{S("WalletId")}, s.{S("ConsumedWalletId")}, " +
            $"s.{S("FeaturesOn")}, s.{S("FeaturesOff")}, a.{sql.Column<Agency>("PlatformFeatures")}, a.{sql.Column<Agency>("PoolWalletId")}, " +
            $"p.{sql.Column<Plan>("Features")}, s.{S("LowBalanceThreshold")}, s.{S("AutoRechargeEnabled")}, " +
            $"s.{S("Id")}, s.{S("UsageCapPerMonth")}, s.{S("UsageMonth")}, s.{S("UsageMonthCredits")} " +
            $"FROM {sql.Table<SubAccount>()} s JOIN {sql.Table<Agency>()} a ON a.{sql.Column<Agency>("Id")} = s.{S("AgencyId")} " +
            $"LEFT JOIN {sql.Table<Plan>()} p ON p.{sql.Column<Plan>("Id")} = s.{S("PlanId")} WHERE s.{S("Id")} ";
        return new RawRead(new RawStatement(factsSql + RawSql.In(ids.Count, 0), ids.Select(id => sql.Arg<SubAccount>("Id", id)).ToList()), reader =>
        {
            var mode = Enum.Parse<CreditMode>(reader.GetString(1));
            var features = FeatureSet.Effective((Features)reader.GetInt32(7), reader.IsDBNull(9) ? null : (Features)reader.GetInt32(9),
                (Features)reader.GetInt32(5), (Features)reader.GetInt32(6));
            found(new UsageFacts(SubAccountId.From(reader.GetGuid(12)), AgencyId.From(reader.GetGuid(0)), mode, reader.GetBoolean(2),
                WalletId.From(reader.GetGuid(3)), WalletId.From(reader.GetGuid(4)), WalletId.From(reader.GetGuid(8)), features,
                MayNotify: mode == CreditMode.Reselling && (!reader.IsDBNull(10) || reader.GetBoolean(11)))
            {
                CapPerMonth = reader.IsDBNull(13) ? null : reader.GetInt64(13),
                UsageMonth = reader.GetInt32(14),
                UsageMonthCredits = reader.GetInt64(15),
            });
        });
    }

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
        if (await sql.ExecuteAsync(CapSql,
            [
                sql.Arg<SubAccount>("UsageMonth", month), sql.Arg<SubAccount>("UsageMonthCredits", credits), sql.Arg<SubAccount>("Id", facts.Id),
                sql.Arg<SubAccount>("Paused", false), sql.Arg<SubAccount>("CreditMode", facts.Mode), sql.Arg<SubAccount>("CreditMode", CreditMode.Reselling),
            ], ct) != 1)
        {
            return null; // paused or switched meanwhile, or past the cap: the general path says which
        }
        var source = facts.Source;
        if (await sql.ExecuteAsync(WithdrawSql, [sql.Arg<Wallet>("Balance", credits), sql.Arg<Wallet>("Id", source)], ct) != 1)
        {
            // Even counting lots past their expiry the balance is short: no path could apply this debit.
            return new InsufficientCredits(credits, await LiveCreditsAsync(source, now, ct));
        }
        if (!await BurnLotsAsync(source, credits, now, ct))
        {
            return null;
        }
        var transaction = TransactionId.New();
        var command = usage.Command;
        await sql.ExecuteAsync(InsertTransactionSql,
            [
                L("Id", transaction), L("AgencyId", facts.AgencyId), L("SubAccountId", facts.Id), L("Type", TransactionType.Usage), L("Credits", -credits),
                L("Description", command.Description), L("Reference", null), L("IdempotencyScope", usage.Key is null ? null : scope),
                L("IdempotencyKey", usage.Key), L("CampaignId", command.CampaignId), L("ContactId", command.ContactId), L("Metadata", command.MetadataJson),
                L("CreatedAt", now),
            ], ct);
        await sql.ExecuteAsync(InsertEntriesSql,
            [
                L("Id", transaction), sql.Arg<LedgerEntry>("WalletId", source), sql.Arg<LedgerEntry>("WalletId", facts.Consumed),
                sql.Arg<LedgerEntry>("AgencyId", facts.AgencyId), sql.Arg<LedgerEntry>("Amount", -credits), sql.Arg<LedgerEntry>("Amount", credits),
            ], ct);
        if (await sql.ExecuteAsync(DepositSql,
            [sql.Arg<Wallet>("Balance", credits), sql.Arg<Wallet>("Id", facts.Consumed), sql.Arg<Wallet>("Balance", Credits.MaxBalance - credits)], ct) != 1)
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

    // What a wallet's lots hold that has not expired: the credits a refusal reports as available.
    private async Task<long> LiveCreditsAsync(WalletId wallet, DateTimeOffset now, CancellationToken ct)
    {
        long live = 0;
        await using var reader = await sql.ReadAsync(LotsSql, [sql.Arg<CreditLot>("WalletId", wallet)], ct);
        while (await reader.ReadAsync(ct))
        {
            var expiresAt = reader.IsDBNull(2) ? (DateTimeOffset?)null : sql.Value<DateTimeOffset>(reader, 2, typeof(CreditLot), "ExpiresAt");
            live += expiresAt <= now ? 0 : reader.GetInt64(1);
        }
        return live;
    }

    // The wallet's row is locked by the UPDATE before, so the lots read here are current (as in LedgerWriter).
    private async Task<bool> BurnLotsAsync(WalletId wallet, long amount, DateTimeOffset now, CancellationToken ct)
    {
        var lots = new List<(DateTimeOffset? ExpiresAt, bool Promotional, long Id, long Remaining)>();
        await using (var reader = await sql.ReadAsync(LotsSql, [sql.Arg<CreditLot>("WalletId", wallet)], ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var expiresAt = reader.IsDBNull(2) ? (DateTimeOffset?)null : sql.Value<DateTimeOffset>(reader, 2, typeof(CreditLot), "ExpiresAt");
                lots.Add((expiresAt, reader.GetBoolean(3), reader.GetInt64(0), reader.GetInt64(1)));
            }
        }
        if (lots.Any(l => l.ExpiresAt <= now) || lots.Sum(l => l.Remaining) < amount)
        {
            return false; // expired credits leave as their own transaction first: the general path does that
        }
        lots.Sort((x, y) => LotOrder.Compare((x.ExpiresAt, x.Promotional, x.Id), (y.ExpiresAt, y.Promotional, y.Id)));
        var left = amount;
        foreach (var lot in lots)
        {
            if (left == 0) break;
            var take = Math.Min(left, lot.Remaining);
            if (await sql.ExecuteAsync(TakeSql, [sql.Arg<CreditLot>("Remaining", take), sql.Arg<CreditLot>("Id", lot.Id)], ct) != 1)
            {
                return false;
            }
            left -= take;
        }
        return true;
    }

    public void Dispose() => sql.Dispose();

    private string S(string property) => sql.Column<SubAccount>(property);

    private string T<TEntity>(string property) => sql.Column<TEntity>(property);

    private Arg L(string property, object? value) => sql.Arg<LedgerTransaction>(property, value);

    private string? capSql, withdrawSql, lotsSql, takeSql, insertTransactionSql, insertEntriesSql, depositSql;

    private string CapSql => capSql ??=
        $"UPDATE {sql.Table<SubAccount>()} SET {S("UsageMonthCredits")} = CASE WHEN {S("UsageMonth")} = @p0 THEN {S("UsageMonthCredits")} + @p1 ELSE @p1 END, " +
        $"{S("UsageMonth")} = @p0 WHERE {S("Id")} = @p2 AND {S("Paused")} = @p3 AND {S("CreditMode")} = @p4 AND ({S("CreditMode")} = @p5 " +
        $"OR {S("UsageCapPerMonth")} IS NULL OR (CASE WHEN {S("UsageMonth")} = @p0 THEN {S("UsageMonthCredits")} ELSE 0 END) + @p1 <= {S("UsageCapPerMonth")})";

    private string WithdrawSql => withdrawSql ??=
        $"UPDATE {sql.Table<Wallet>()} SET {T<Wallet>("Balance")} = {T<Wallet>("Balance")} - @p0 WHERE {T<Wallet>("Id")} = @p1 AND {T<Wallet>("Balance")} >= @p0";

    private string DepositSql => depositSql ??=
        $"UPDATE {sql.Table<Wallet>()} SET {T<Wallet>("Balance")} = {T<Wallet>("Balance")} + @p0 WHERE {T<Wallet>("Id")} = @p1 AND {T<Wallet>("Balance")} <= @p2";

    private string LotsSql => lotsSql ??=
        $"SELECT {T<CreditLot>("Id")}, {T<CreditLot>("Remaining")}, {T<CreditLot>("ExpiresAt")}, {T<CreditLot>("Promotional")} " +
        $"FROM {sql.Table<CreditLot>()} WHERE {T<CreditLot>("WalletId")} = @p0 AND {T<CreditLot>("Remaining")} > 0";

    private string TakeSql => takeSql ??=
        $"UPDATE {sql.Table<CreditLot>()} SET {T<CreditLot>("Remaining")} = {T<CreditLot>("Remaining")} - @p0 WHERE {T<CreditLot>("Id")} = @p1 AND {T<CreditLot>("Remaining")} >= @p0";

    private string InsertTransactionSql => insertTransactionSql ??=
        $"INSERT INTO {sql.Table<LedgerTransaction>()} ({string.Join(", ", TransactionColumns.Select(c => T<LedgerTransaction>(c)))}) " +
        $"VALUES ({string.Join(", ", TransactionColumns.Select((_, i) => $"@p{i}"))})";

    // Both entries take the sequence of the transaction just inserted, found by its id (a unique index).
    private string InsertEntriesSql => insertEntriesSql ??=
        $"INSERT INTO {sql.Table<LedgerEntry>()} ({T<LedgerEntry>("TransactionSequence")}, {T<LedgerEntry>("WalletId")}, {T<LedgerEntry>("AgencyId")}, {T<LedgerEntry>("Amount")}) " +
        $"SELECT t.{T<LedgerTransaction>("Sequence")}, @p1, @p3, @p4 FROM {sql.Table<LedgerTransaction>()} t WHERE t.{T<LedgerTransaction>("Id")} = @p0 " +
        $"UNION ALL SELECT t.{T<LedgerTransaction>("Sequence")}, @p2, @p3, @p5 FROM {sql.Table<LedgerTransaction>()} t WHERE t.{T<LedgerTransaction>("Id")} = @p0";

    internal static readonly string[] TransactionColumns =
        ["Id", "AgencyId", "SubAccountId", "Type", "Credits", "Description", "Reference", "IdempotencyScope", "IdempotencyKey", "CampaignId", "ContactId", "Metadata", "CreatedAt"];
}

/// <summary>A sub-account as a usage debit sees it. <see cref="MayNotify"/>: reselling with a low-balance alert or auto-recharge set up.</summary>
public sealed record UsageFacts(
    SubAccountId Id, AgencyId AgencyId, CreditMode Mode, bool Paused, WalletId Wallet, WalletId Consumed, WalletId Pool, Features Features, bool MayNotify)
{
    /// <summary>The shared-mode monthly cap, if any (reselling ignores it).</summary>
    public long? CapPerMonth { get; init; }

    /// <summary>The month (yyyyMM) <see cref="UsageMonthCredits"/> counts.</summary>
    public int UsageMonth { get; init; }

    public long UsageMonthCredits { get; init; }

    /// <summary>The wallet a debit comes out of: the agency's pool in shared mode, the sub-account's own in reselling.</summary>
    public WalletId Source => Mode == CreditMode.Shared ? Pool : Wallet;
}

/// <summary>The transaction an idempotency key already made in its scope.</summary>
public sealed record FirstUse(TransactionId Id, TransactionType Type, SubAccountId? SubAccountId, long Credits);
