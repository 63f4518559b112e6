using Microsoft.EntityFrameworkCore;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>Statement texts that differ by provider: IN lists, scoped key lookups, multi-row guarded UPDATEs, ordered row locks.</summary>
internal sealed partial class RawSql
{
    /// <summary><c>= @p{first}</c> for one value, <c>IN (@p{first}, ...)</c> for more: the statement text stays the same per count.</summary>
    public static string In(int count, int first) =>
        count == 1 ? $"= @p{first}" : $"IN ({string.Join(", ", Enumerable.Range(first, count).Select(i => $"@p{i}"))})";

    /// <summary>
    /// <c>scope = @p0 AND key IN (@p1, ...)</c>: the rows of these keys (<c>@p1</c> on) in one scope (<c>@p0</c>), through
    /// the unique index on (scope, key). On PostgreSQL the pairs are a <c>VALUES</c> list joined to the index instead:
    /// before the table is first analyzed (a new database, or one that grew fast since) the planner takes the scope
    /// alone as selective, reads every record of the scope through the index and filters the keys, a cost that grows
    /// with the table (3 ms a lookup at 13,000 records in P1pg); each pair is one probe of the unique index whatever
    /// the statistics say.
    /// </summary>
    public string ScopedKeys(string scopeColumn, string keyColumn, int keys) => IsPostgres && keys > 1
        ? $"({scopeColumn}, {keyColumn}) IN (VALUES {string.Join(", ", Enumerable.Range(1, keys).Select(i => $"(@p0, @p{i})"))})"
        : $"{scopeColumn} = @p0 AND {keyColumn} {In(keys, 1)}";

    /// <summary>
    /// Whether a guarded UPDATE of many rows goes as one statement (<see cref="UpdateRows"/>): on PostgreSQL, where
    /// every statement is parsed, planned and bound on the server; SQLite runs in the process, where one-row statements
    /// prepared once per batch cost little.
    /// </summary>
    public bool UpdatesRows => IsPostgres;

    /// <summary>
    /// One UPDATE of many rows, each with its own new values and guards, from one array per column (PostgreSQL,
    /// <see cref="ColumnArrays"/>): <c>{Update} FROM unnest(...) AS v({Columns}) WHERE {Where}</c>, a text the same for
    /// any number of rows. <paramref name="shared"/> are <c>@p0</c> on, the same for every row; each column's array
    /// follows, in the columns' order. A row whose guard does not hold is left out, so the caller compares the rows it
    /// changed with the rows it sent.
    /// </summary>
    public RawStatement UpdateRows(RowsUpdate text, IReadOnlyList<Arg> shared, IReadOnlyList<Arg[]> rows)
    {
        var arrays = ColumnArrays(rows);
        var columns = string.Join(", ", arrays.Select((_, i) => $"@p{shared.Count + i}"));
        return new RawStatement($"{text.Update} FROM unnest({columns}) AS v({text.Columns}) WHERE {text.Where}", [.. shared, .. arrays]);
    }

    /// <summary>
    /// Locks these rows of <typeparamref name="T"/> in the server's order of <paramref name="key"/>
    /// (<c>SELECT … WHERE … = ANY(@p0) ORDER BY … FOR NO KEY UPDATE</c>, the lock an UPDATE takes), so that writers
    /// taking overlapping sets never wait on each other in a cycle, whatever order a statement after visits them in
    /// (PostgreSQL). The ids are one array parameter: the text is the same for any number of rows.
    /// </summary>
    public RawStatement LockInOrder<T>(string key, IEnumerable<object> ids)
    {
        var column = Column<T>(key);
        return new RawStatement($"SELECT {column} FROM {Table<T>()} WHERE {column} = ANY(@p0) ORDER BY {column} FOR NO KEY UPDATE", [ArrayArg<T>(key, ids)]);
    }

    /// <summary>
    /// Rows per multi-row INSERT. SQLite finds each named parameter by a walk along the statement's list of names, so
    /// a statement of N parameters costs about N² to bind: its statements stay small (a 100-event usage batch spent
    /// about a third of its CPU there with 100 rows). Elsewhere, well under SQL Server's 2,100 parameters.
    /// </summary>
    public int RowsPerInsert => IsSqlite ? 16 : 100;
}
