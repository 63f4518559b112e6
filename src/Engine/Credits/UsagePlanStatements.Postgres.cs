using ResellerKit.Engine.Credits.GroupCommit;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// On PostgreSQL a chunk's transactions and their entries are one statement: the transactions' INSERT in a <c>WITH</c>
/// returns each row's sequence, and the entries take it from there, two per transaction (the source's, then the
/// consumed sink's). The rows come as one array per column (<see cref="RawSql.ColumnArrays"/>) read back with
/// <c>unnest … WITH ORDINALITY</c>, so the text is the same for any number of debits and binds 16 parameters. Earlier
/// forms cost PostgreSQL more to plan than to run: entries as a <c>UNION ALL</c> of one-row SELECTs (0.9 ms of
/// planning a 30-debit batch against 1 ms of execution), then a <c>VALUES</c> list of one parameter per value
/// (0.16–0.2 ms of planning, and ~500 parameters for the writer to make and send, each batch).
/// </summary>
internal sealed partial class UsagePlanStatements
{
    private RawStatement TransactionsWithEntries(UsagePlan plan, DebitRow[] rows)
    {
        var columns = TransactionColumns.Length;
        var arrays = sql.ColumnArrays(rows.Select(row => (IReadOnlyList<Arg>)TransactionValues(plan, row)).ToList());
        var source = sql.ArrayArg<LedgerEntry>("WalletId", rows.Select(row => (object?)row.Facts.Source));
        var consumed = sql.ArrayArg<LedgerEntry>("WalletId", rows.Select(row => (object?)row.Facts.Consumed));
        string V(string column) => $"v.c{Array.IndexOf(TransactionColumns, column)}";
        var names = string.Join(", ", Enumerable.Range(0, columns).Select(i => $"c{i}"));
        var text = $"WITH v AS (SELECT * FROM unnest({string.Join(", ", Enumerable.Range(0, columns + 2).Select(i => $"@p{i}"))}) " +
            $"WITH ORDINALITY AS v({names}, source, consumed, n)), " +
            $"t AS (INSERT INTO {sql.Table<LedgerTransaction>()} ({string.Join(", ", TransactionColumns.Select(C<LedgerTransaction>))}) " +
            $"SELECT {names} FROM v ORDER BY n RETURNING {C<LedgerTransaction>("Id")}, {C<LedgerTransaction>("Sequence")}) " +
            $"INSERT INTO {sql.Table<LedgerEntry>()} ({C<LedgerEntry>("TransactionSequence")}, {C<LedgerEntry>("WalletId")}, {C<LedgerEntry>("AgencyId")}, {C<LedgerEntry>("Amount")}) " +
            $"SELECT t.{C<LedgerTransaction>("Sequence")}, e.wid, {V("AgencyId")}, e.amount FROM v JOIN t ON t.{C<LedgerTransaction>("Id")} = {V("Id")} " +
            $"CROSS JOIN LATERAL (VALUES (0, v.source, {V("Credits")}), (1, v.consumed, -{V("Credits")})) AS e(k, wid, amount) ORDER BY v.n, e.k";
        return new RawStatement(text, [.. arrays, source, consumed]);
    }
}
