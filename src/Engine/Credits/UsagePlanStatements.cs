using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// The statements that write a <see cref="UsagePlan"/>, in the order every writer takes row locks (sub-accounts, then
/// the wallets credits leave with their lots, then the sinks): one guarded UPDATE per sub-account's month, wallet and
/// lot (<c>WHERE</c> the value read, so a change since makes it find no row), and multi-row INSERTs of the transactions
/// and their entries. None of them reads what another writes back to the caller, so they can be sent together
/// (<see cref="RawSql.ExecuteAllAsync"/>): each entry finds its transaction's sequence in the database by the
/// transaction's id, in the INSERT itself.
/// </summary>
internal sealed class UsagePlanStatements(RawSql sql)
{
    /// <summary>The statements, each with whether it is a guard (it must change exactly one row, or the database changed).</summary>
    public List<(RawStatement Statement, bool Guard)> Of(UsagePlan plan)
    {
        var statements = new List<(RawStatement, bool)>();
        if (plan.Rows.Count == 0) return statements;
        foreach (var sub in plan.SubAccounts.Values.Where(s => s.Used != s.UsedBefore).OrderBy(s => s.Facts.Id.Value))
        {
            statements.Add((new RawStatement(CapSql,
            [
                sql.Arg<SubAccount>("UsageMonth", plan.Month), sql.Arg<SubAccount>("UsageMonthCredits", sub.Used), sql.Arg<SubAccount>("Id", sub.Facts.Id),
                sql.Arg<SubAccount>("Paused", false), sql.Arg<SubAccount>("CreditMode", sub.Facts.Mode), sql.Arg<SubAccount>("UsageMonthCredits", sub.UsedBefore),
                sql.Arg<SubAccount>("CreditMode", CreditMode.Reselling),
            ]), true));
        }
        var moved = plan.Wallets.Values.Where(w => w.Balance != w.Before).ToList();
        foreach (var wallet in moved.Where(w => w.Balance < w.Before).OrderBy(w => w.Id.Value))
        {
            statements.Add((Move(wallet), true));
            foreach (var lot in wallet.Lots.Where(l => l.Remaining != l.Before))
            {
                statements.Add((new RawStatement(TakeSql,
                    [sql.Arg<CreditLot>("Remaining", lot.Remaining), sql.Arg<CreditLot>("Id", lot.Id), sql.Arg<CreditLot>("Remaining", lot.Before)]), true));
            }
        }
        foreach (var rows in plan.Rows.Chunk(sql.RowsPerInsert))
        {
            statements.Add((Transactions(plan, rows), false));
            statements.Add((Entries(rows), false));
        }
        foreach (var wallet in moved.Where(w => w.Balance > w.Before).OrderBy(w => w.Id.Value))
        {
            statements.Add((Move(wallet), true));
        }
        return statements;
    }

    private RawStatement Move(WalletState wallet) =>
        new(MoveSql, [sql.Arg<Wallet>("Balance", wallet.Balance), sql.Arg<Wallet>("Id", wallet.Id), sql.Arg<Wallet>("Balance", wallet.Before)]);

    private RawStatement Transactions(UsagePlan plan, DebitRow[] rows)
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
        return new RawStatement(text, args);
    }

    // Two entries per transaction, each with the sequence the database gave its transaction (joined by the unique id).
    private RawStatement Entries(DebitRow[] rows)
    {
        var values = string.Join(" UNION ALL ", Enumerable.Range(0, rows.Length * 2).Select(r => r == 0
            ? "SELECT @p0 AS tid, @p1 AS wid, @p2 AS aid, @p3 AS amount"
            : $"SELECT @p{r * 4}, @p{r * 4 + 1}, @p{r * 4 + 2}, @p{r * 4 + 3}"));
        var text = $"INSERT INTO {sql.Table<LedgerEntry>()} ({C<LedgerEntry>("TransactionSequence")}, {C<LedgerEntry>("WalletId")}, {C<LedgerEntry>("AgencyId")}, {C<LedgerEntry>("Amount")}) " +
            $"SELECT t.{C<LedgerTransaction>("Sequence")}, v.wid, v.aid, v.amount FROM ({values}) v " +
            $"JOIN {sql.Table<LedgerTransaction>()} t ON t.{C<LedgerTransaction>("Id")} = v.tid";
        var args = new List<Arg>(rows.Length * 8);
        foreach (var row in rows)
        {
            args.AddRange(
            [
                L("Id", row.Id), E("WalletId", row.Facts.Source), E("AgencyId", row.Facts.AgencyId), E("Amount", -row.Credits),
                L("Id", row.Id), E("WalletId", row.Facts.Consumed), E("AgencyId", row.Facts.AgencyId), E("Amount", row.Credits),
            ]);
        }
        return new RawStatement(text, args);
    }

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

    private static string[] TransactionColumns => UsageDebitSql.TransactionColumns;
}
