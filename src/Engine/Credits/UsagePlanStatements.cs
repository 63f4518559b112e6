using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// The statements that write a <see cref="UsagePlan"/>, in the order every writer takes row locks (sub-accounts, then
/// the wallets credits leave with their lots, then the sinks): guarded UPDATEs of each sub-account's month, wallet and
/// lot (<c>WHERE</c> the value read, so a change since makes a row go unchanged), and multi-row INSERTs of the
/// transactions and their entries. None of them reads what another writes back to the caller, so they can be sent
/// together (<see cref="RawSql.ExecuteAllAsync"/>): each entry finds its transaction's sequence in the database by the
/// transaction's id, in the INSERT itself.
/// </summary>
internal sealed partial class UsagePlanStatements(RawSql sql)
{
    /// <summary>
    /// The statements, each with the rows it must change when it is a guard (fewer, and the database changed since the
    /// reads). Where the provider updates many rows in one statement (<see cref="RawSql.UpdatesRows"/>: PostgreSQL),
    /// each table's rows are locked in the server's order of their ids, then updated by one statement with every row's
    /// guard in its WHERE; elsewhere one UPDATE a row, in id order.
    /// </summary>
    public List<(RawStatement Statement, int? Rows)> Of(UsagePlan plan, long lastSequence = 0)
    {
        var statements = new List<(RawStatement, int?)>();
        if (plan.Rows.Count == 0) return statements;
        var months = plan.SubAccounts.Values.Where(s => s.Used != s.UsedBefore).OrderBy(s => s.Facts.Id.Value).ToList();
        Guarded<SubAccount, MonthState>(statements, months, m => m.Facts.Id, CapSql, CapRowsSql,
            [sql.Arg<SubAccount>("UsageMonth", plan.Month), sql.Arg<SubAccount>("Paused", false), sql.Arg<SubAccount>("CreditMode", CreditMode.Reselling)],
            m => [sql.Arg<SubAccount>("Id", m.Facts.Id), sql.Arg<SubAccount>("CreditMode", m.Facts.Mode), sql.Arg<SubAccount>("UsageMonthCredits", m.UsedBefore),
                sql.Arg<SubAccount>("UsageMonthCredits", m.Used)]);
        var moved = plan.Wallets.Values.Where(w => w.Balance != w.Before).ToList();
        var sources = moved.Where(w => w.Balance < w.Before).OrderBy(w => w.Id.Value).ToList();
        Guarded<Wallet, WalletState>(statements, sources, w => w.Id, MoveSql, MoveRowsSql, [], Move);
        var lots = sources.SelectMany(w => w.Lots.Where(l => l.Remaining != l.Before)).ToList();
        Guarded<CreditLot, LotState>(statements, lots, null, TakeSql, TakeRowsSql, [],
            lot => [sql.Arg<CreditLot>("Id", lot.Id), sql.Arg<CreditLot>("Remaining", lot.Remaining), sql.Arg<CreditLot>("Remaining", lot.Before)]);
        if (sql.BindsRowsAsJson)
        {
            // One JSON parameter for both: each transaction's values, then its two wallets for the entries. A few dozen
            // KB of it at most (RawSql.RowsPerJson rows): a plan of several batch requests' events in one parameter
            // made it a large object (each its own allocation, and a full collection of the heap every few of them).
            // The transactions take the sequences after lastSequence, in the rows' order, and their entries the same
            // numbers: the entries need not find their transaction by its id (a seek in the index of ids per debit).
            var after = lastSequence;
            foreach (var chunk in plan.Rows.Chunk(RawSql.RowsPerJson))
            {
                var rows = sql.JsonArg(chunk.Select(row => (IReadOnlyList<Arg>)[.. TransactionValues(plan, row), E("WalletId", row.Facts.Source), E("WalletId", row.Facts.Consumed)]));
                statements.Add((sql.InsertJsonRows<LedgerTransaction>(TransactionColumns, rows, ("Sequence", after)), null));
                statements.Add((JsonEntries(rows, after), null));
                after += chunk.Length;
            }
        }
        else
        {
            foreach (var rows in plan.Rows.Chunk(sql.RowsPerInsert))
            {
                if (sql.IsPostgres)
                {
                    statements.Add((TransactionsWithEntries(plan, rows), null));
                    continue;
                }
                statements.Add((Transactions(plan, rows), null));
                statements.Add((Entries(rows), null));
            }
        }
        Guarded<Wallet, WalletState>(statements, moved.Where(w => w.Balance > w.Before).OrderBy(w => w.Id.Value).ToList(), w => w.Id, MoveSql, MoveRowsSql, [], Move);
        return statements;
    }

    /// <summary>
    /// The guarded UPDATEs of <paramref name="rows"/> of <typeparamref name="T"/>: one statement for all (locked first, by
    /// <paramref name="lockId"/>, unless another lock covers them: a lot's is its wallet's), or one each. Every form
    /// binds <paramref name="shared"/> then a row's values (<paramref name="values"/>) as <c>@p0</c> on.
    /// </summary>
    private void Guarded<T, TRow>(
        List<(RawStatement, int?)> statements, IReadOnlyList<TRow> rows, Func<TRow, object>? lockId, string oneSql, RowsUpdate rowsSql,
        IReadOnlyList<Arg> shared, Func<TRow, Arg[]> values)
    {
        if (sql.BindsRowsAsJson)
        {
            statements.Add((sql.UpdateJsonRows(rowsSql, shared, rows.Select(values).ToList()), rows.Count));
            return;
        }
        if (rows.Count > 1 && sql.UpdatesRows)
        {
            if (lockId is not null) statements.Add((sql.LockInOrder<T>("Id", rows.Select(lockId)), null));
            statements.Add((sql.UpdateRows(rowsSql, shared, rows.Select(values).ToList()), rows.Count));
            return;
        }
        statements.AddRange(rows.Select(row => (new RawStatement(oneSql, [.. shared, .. values(row)]), (int?)1)));
    }

    private Arg[] Move(WalletState wallet) =>
        [sql.Arg<Wallet>("Id", wallet.Id), sql.Arg<Wallet>("Balance", wallet.Balance), sql.Arg<Wallet>("Balance", wallet.Before)];

    private RawStatement Transactions(UsagePlan plan, DebitRow[] rows)
    {
        var columns = TransactionColumns.Length;
        var text = $"INSERT INTO {sql.Table<LedgerTransaction>()} ({string.Join(", ", TransactionColumns.Select(C<LedgerTransaction>))}) VALUES " +
            string.Join(", ", rows.Select((_, r) => $"({string.Join(", ", Enumerable.Range(r * columns, columns).Select(i => $"@p{i}"))})"));
        return new RawStatement(text, rows.SelectMany(row => TransactionValues(plan, row)).ToList());
    }

    // A debit's transaction, in the order of TransactionColumns.
    private Arg[] TransactionValues(UsagePlan plan, DebitRow row) =>
        UsageDebitSql.UsageTransaction(sql, row.Id, row.Facts, row.Usage, row.Scope, row.Credits, plan.Now);

    // Two entries per transaction, each with the sequence the database gave its transaction (joined by the unique id).
    private RawStatement Entries(DebitRow[] rows)
    {
        var values = string.Join(" UNION ALL ", Enumerable.Range(0, rows.Length * 2).Select(r => r == 0
            ? "SELECT @p0 AS tid, @p1 AS wid, @p2 AS aid, @p3 AS amount"
            : $"SELECT @p{r * 4}, @p{r * 4 + 1}, @p{r * 4 + 2}, @p{r * 4 + 3}"));
        return new RawStatement(EntriesFrom($"({values})"), rows.SelectMany(EntryValues).SelectMany(e => e).ToList());
    }

    // The same from the transactions' own JSON (SQLite: see RawSql.JsonRows), each row's two wallets after its values:
    // the transaction at index i of the JSON took sequence @p1 + i + 1 (InsertJsonRows, numbered) and gives it, with its
    // agency, to both its entries, the source's (the transaction's credits, negative) then the consumed sink's. Left of
    // CROSS JOIN, the transactions stay SQLite's outer loop, so the entries go in in that order.
    private RawStatement JsonEntries(Arg rows, long after)
    {
        var columns = TransactionColumns.Select((_, i) => $"c{i}").Concat(["source", "sink"]);
        var credits = $"v.c{Array.IndexOf(TransactionColumns, "Credits")}";
        return new($"INSERT INTO {sql.Table<LedgerEntry>()} ({C<LedgerEntry>("TransactionSequence")}, {C<LedgerEntry>("WalletId")}, {C<LedgerEntry>("AgencyId")}, {C<LedgerEntry>("Amount")}) " +
            $"SELECT @p1 + v.{RawSql.RowIndex} + 1, CASE k.n WHEN 0 THEN v.source ELSE v.sink END, v.c{Array.IndexOf(TransactionColumns, "AgencyId")}, " +
            $"CASE k.n WHEN 0 THEN {credits} ELSE -{credits} END " +
            $"FROM {RawSql.JsonRows(string.Join(", ", columns), 0)} v CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1) k", [rows, L("Sequence", after)]);
    }

    private string EntriesFrom(string values) =>
        $"INSERT INTO {sql.Table<LedgerEntry>()} ({C<LedgerEntry>("TransactionSequence")}, {C<LedgerEntry>("WalletId")}, {C<LedgerEntry>("AgencyId")}, {C<LedgerEntry>("Amount")}) " +
        $"SELECT t.{C<LedgerTransaction>("Sequence")}, v.wid, v.aid, v.amount FROM {values} v " +
        $"JOIN {sql.Table<LedgerTransaction>()} t ON t.{C<LedgerTransaction>("Id")} = v.tid";

    // A debit's two entries, the source's then the consumed sink's: its transaction's id, the wallet, the agency, the amount.
    private Arg[][] EntryValues(DebitRow row) =>
    [
        [L("Id", row.Id), E("WalletId", row.Facts.Source), E("AgencyId", row.Facts.AgencyId), E("Amount", -row.Credits)],
        [L("Id", row.Id), E("WalletId", row.Facts.Consumed), E("AgencyId", row.Facts.AgencyId), E("Amount", row.Credits)],
    ];

    private string C<TEntity>(string property) => sql.Column<TEntity>(property);

    private Arg L(string property, object? value) => sql.Arg<LedgerTransaction>(property, value);

    private Arg E(string property, object? value) => sql.Arg<LedgerEntry>(property, value);

    private string? capSql, moveSql, takeSql;
    private RowsUpdate? capRowsSql, moveRowsSql, takeRowsSql;

    // The month's usage as it was read, the state that let every debit through, or nothing is written. @p0 the month,
    // @p1 not paused, @p2 reselling (no cap), then the row: @p3 id, @p4 its mode, @p5 its usage as read, @p6 as the debits left it.
    private string CapSql => capSql ??=
        $"UPDATE {sql.Table<SubAccount>()} SET {C<SubAccount>("UsageMonthCredits")} = @p6, {C<SubAccount>("UsageMonth")} = @p0 WHERE {C<SubAccount>("Id")} = @p3 AND " +
        CapGuard("", "@p4", "@p5", "@p6");

    private RowsUpdate CapRowsSql => capRowsSql ??= new(
        $"UPDATE {sql.Table<SubAccount>()} AS x SET {C<SubAccount>("UsageMonthCredits")} = v.used, {C<SubAccount>("UsageMonth")} = @p0", "id, mode, before, used",
        $"x.{C<SubAccount>("Id")} = v.id AND {CapGuard("x.", "v.mode", "v.before", "v.used")}");

    private string CapGuard(string x, string mode, string before, string used) =>
        $"{x}{C<SubAccount>("Paused")} = @p1 AND {x}{C<SubAccount>("CreditMode")} = {mode} " +
        $"AND (CASE WHEN {x}{C<SubAccount>("UsageMonth")} = @p0 THEN {x}{C<SubAccount>("UsageMonthCredits")} ELSE 0 END) = {before} " +
        $"AND ({x}{C<SubAccount>("CreditMode")} = @p2 OR {x}{C<SubAccount>("UsageCapPerMonth")} IS NULL OR {used} <= {x}{C<SubAccount>("UsageCapPerMonth")})";

    // @p0 the id, @p1 the new value, @p2 the value read.
    private string MoveSql => moveSql ??=
        $"UPDATE {sql.Table<Wallet>()} SET {C<Wallet>("Balance")} = @p1 WHERE {C<Wallet>("Id")} = @p0 AND {C<Wallet>("Balance")} = @p2";

    private RowsUpdate MoveRowsSql => moveRowsSql ??= new(
        $"UPDATE {sql.Table<Wallet>()} AS x SET {C<Wallet>("Balance")} = v.after", "id, after, before", $"x.{C<Wallet>("Id")} = v.id AND x.{C<Wallet>("Balance")} = v.before");

    private string TakeSql => takeSql ??=
        $"UPDATE {sql.Table<CreditLot>()} SET {C<CreditLot>("Remaining")} = @p1 WHERE {C<CreditLot>("Id")} = @p0 AND {C<CreditLot>("Remaining")} = @p2";

    private RowsUpdate TakeRowsSql => takeRowsSql ??= new(
        $"UPDATE {sql.Table<CreditLot>()} AS x SET {C<CreditLot>("Remaining")} = v.after", "id, after, before",
        $"x.{C<CreditLot>("Id")} = v.id AND x.{C<CreditLot>("Remaining")} = v.before");

    private static string[] TransactionColumns => UsageDebitSql.TransactionColumns;
}
