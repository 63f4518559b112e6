using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>
/// Plain ADO.NET on the DbContext's own connection and transaction, for the ledger writer's hot path. EF's LINQ costs
/// an expression tree, a cache lookup and change tracking per statement, which is most of a debit's time when a batch
/// applies hundreds of them; these commands cost a parameter bind. Names and values still come from the EF model: table
/// and column names are quoted by the provider, and every value is bound through its property's type mapping (so a GUID
/// is SQLite TEXT, a DateTimeOffset SQLite's 64-bit form, an enum its string), exactly as EF would write it. Commands
/// are kept per SQL text for the unit of work (the batch), so SQLite prepares each statement once per batch; on a
/// connection that asked for it (<see cref="KeepCommands"/>: the ledger writer's own), for as long as it is open.
/// </summary>
internal sealed class RawSql(EngineDbContext db) : IDisposable
{
    private static readonly ConcurrentDictionary<(IModel, Type, string), IProperty> Properties = new();

    // Commands kept with their connection rather than the unit of work, by connection.
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Kept = new();

    // More distinct statements than a writer makes (IN lists and multi-row INSERTs of each size): a bound, not a limit.
    private const int MostKept = 1024;

    private Dictionary<string, DbCommand>? commands;
    private bool kept;
    private readonly ISqlGenerationHelper quoting = db.GetService<ISqlGenerationHelper>();

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
    /// One UPDATE of many rows, each with its own new values and guards, from a <c>VALUES</c> list (PostgreSQL):
    /// <c>{Update} FROM (VALUES (...), ...) AS v({Columns}) WHERE {Where}</c>. <paramref name="shared"/> are <c>@p0</c>
    /// on, the same for every row; each row's values follow, in the columns' order. A row whose guard does not hold is
    /// left out, so the caller compares the rows it changed with the rows it sent.
    /// </summary>
    public static RawStatement UpdateRows(RowsUpdate text, IReadOnlyList<Arg> shared, IReadOnlyList<Arg[]> rows)
    {
        var next = shared.Count;
        var values = string.Join(", ", rows.Select(row => $"({string.Join(", ", row.Select(_ => $"@p{next++}"))})"));
        return new RawStatement($"{text.Update} FROM (VALUES {values}) AS v({text.Columns}) WHERE {text.Where}", [.. shared, .. rows.SelectMany(r => r)]);
    }

    /// <summary>
    /// Locks these rows of <typeparamref name="T"/> in the server's order of <paramref name="key"/>
    /// (<c>SELECT … ORDER BY … FOR NO KEY UPDATE</c>, the lock an UPDATE takes), so that writers taking overlapping sets
    /// never wait on each other in a cycle, whatever order a statement after visits them in (PostgreSQL).
    /// </summary>
    public RawStatement LockInOrder<T>(string key, IEnumerable<object> ids)
    {
        var column = Column<T>(key);
        var args = ids.Select(id => Arg<T>(key, id)).ToList();
        return new RawStatement($"SELECT {column} FROM {Table<T>()} WHERE {column} {In(args.Count, 0)} ORDER BY {column} FOR NO KEY UPDATE", args);
    }

    public string Table<T>() => quoting.DelimitIdentifier(db.Model.FindEntityType(typeof(T))!.GetTableName()!);

    public string Column<T>(string property)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        return quoting.DelimitIdentifier(Property<T>(property).GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!);
    }

    /// <summary>A parameter for <typeparamref name="T"/>.<paramref name="property"/>, converted as EF converts it.</summary>
    public Arg Arg<T>(string property, object? value) => new(Property<T>(property).GetRelationalTypeMapping(), value);

    public async Task<int> ExecuteAsync(string sql, IReadOnlyList<Arg> args, CancellationToken ct)
    {
        var command = Prepare(sql, args);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public bool IsPostgres => db.Database.IsNpgsql();

    /// <summary>
    /// Rows per multi-row INSERT. SQLite finds each named parameter by a walk along the statement's list of names, so
    /// a statement of N parameters costs about N² to bind: its statements stay small (a 100-event usage batch spent
    /// about a third of its CPU there with 100 rows). Elsewhere, well under SQL Server's 2,100 parameters.
    /// </summary>
    public int RowsPerInsert => db.Database.IsSqlite() ? 16 : 100;

    /// <summary>Whether <see cref="ExecuteAllAsync"/> sends its statements in one round trip.</summary>
    public bool SendsTogether => db.Database.GetDbConnection().CanCreateBatch;

    /// <summary>
    /// Runs <paramref name="statements"/> in order and returns the rows each affected. Where the provider batches
    /// (<see cref="DbBatch"/>: PostgreSQL), they go to the server in one round trip, since the writer's time there is
    /// mostly waiting on round trips; elsewhere (SQLite is in the process) one after the other. A statement that fails
    /// throws, and those after it have not run.
    /// </summary>
    public async Task<int[]> ExecuteAllAsync(IReadOnlyList<RawStatement> statements, CancellationToken ct)
    {
        var affected = new int[statements.Count];
        if (statements.Count < 2 || !SendsTogether)
        {
            for (var i = 0; i < statements.Count; i++) affected[i] = await ExecuteAsync(statements[i].Sql, statements[i].Args, ct);
            return affected;
        }
        await using var batch = Batch(statements);
        await batch.ExecuteNonQueryAsync(ct);
        for (var i = 0; i < statements.Count; i++) affected[i] = batch.BatchCommands[i].RecordsAffected;
        return affected;
    }

    /// <summary>
    /// Runs SELECTs in order and hands each row of each to its read's <see cref="RawRead.Row"/>: in one round trip
    /// where the provider batches, as <see cref="ExecuteAllAsync"/> does.
    /// </summary>
    public async Task ReadAllAsync(IReadOnlyList<RawRead> reads, CancellationToken ct)
    {
        if (reads.Count < 2 || !SendsTogether)
        {
            foreach (var read in reads)
            {
                await using var one = await ReadAsync(read.Statement.Sql, read.Statement.Args, ct);
                while (await one.ReadAsync(ct)) read.Row(one);
            }
            return;
        }
        await using var batch = Batch(reads.Select(r => r.Statement));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        for (var i = 0; i < reads.Count; i++)
        {
            if (i > 0 && !await reader.NextResultAsync(ct)) throw new InvalidOperationException("A batched read returned fewer results than it sent.");
            while (await reader.ReadAsync(ct)) reads[i].Row(reader);
        }
    }

    public async Task<DbDataReader> ReadAsync(string sql, IReadOnlyList<Arg> args, CancellationToken ct)
    {
        var command = Prepare(sql, args);
        return await command.ExecuteReaderAsync(ct);
    }

    /// <summary>A column read back through its property's mapping (SQLite keeps instants as numbers, for example).</summary>
    public T? Value<T>(DbDataReader reader, int ordinal, Type entity, string property)
    {
        if (reader.IsDBNull(ordinal)) return default;
        var mapping = Property(entity, property).GetRelationalTypeMapping();
        if (mapping.Converter is { } converter)
        {
            var raw = reader.GetFieldValue<object>(ordinal);
            return (T?)converter.ConvertFromProvider(Convert.ChangeType(raw, converter.ProviderClrType, System.Globalization.CultureInfo.InvariantCulture));
        }
        return reader.GetFieldValue<T>(ordinal);
    }

    private DbBatch Batch(IEnumerable<RawStatement> statements)
    {
        var connection = db.Database.GetDbConnection();
        var batch = connection.CreateBatch();
        batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        using var factory = connection.CreateCommand(); // type mappings make their parameters through a command
        foreach (var statement in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Sql;
            for (var i = 0; i < statement.Args.Count; i++)
            {
                command.Parameters.Add(statement.Args[i].Mapping.CreateParameter(factory, $"@p{i}", statement.Args[i].Value, nullable: true));
            }
            batch.BatchCommands.Add(command);
        }
        return batch;
    }

    /// <summary>Keeps the commands made on <paramref name="connection"/> from one unit of work to the next, until <see cref="ForgetCommands"/>.</summary>
    public static void KeepCommands(DbConnection connection) => Kept.AddOrUpdate(connection, new Dictionary<string, DbCommand>(StringComparer.Ordinal));

    /// <summary>Disposes the commands kept for <paramref name="connection"/> and stops keeping them.</summary>
    public static void ForgetCommands(DbConnection connection)
    {
        if (!Kept.TryGetValue(connection, out var commands)) return;
        Kept.Remove(connection);
        foreach (var command in commands.Values) command.Dispose();
    }

    private DbCommand Prepare(string sql, IReadOnlyList<Arg> args)
    {
        if (commands is null)
        {
            kept = Kept.TryGetValue(db.Database.GetDbConnection(), out commands);
            commands ??= new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        }
        if (!commands.TryGetValue(sql, out var command))
        {
            if (kept && commands.Count >= MostKept) Clear(commands);
            command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.Parameters.Clear();
        for (var i = 0; i < args.Count; i++)
        {
            command.Parameters.Add(args[i].Mapping.CreateParameter(command, $"@p{i}", args[i].Value, nullable: true));
        }
        return command;
    }

    public void Dispose()
    {
        if (commands is not null && !kept) Clear(commands);
    }

    private static void Clear(Dictionary<string, DbCommand> commands)
    {
        foreach (var command in commands.Values) command.Dispose();
        commands.Clear();
    }

    private IProperty Property<T>(string property) => Property(typeof(T), property);

    // Per model: the SQLite, PostgreSQL and SQL Server contexts each have their own mappings.
    private IProperty Property(Type entity, string property) =>
        Properties.GetOrAdd((db.Model, entity, property), k => k.Item1.FindEntityType(k.Item2)!.FindProperty(k.Item3)
            ?? throw new InvalidOperationException($"{k.Item2.Name} has no property {k.Item3}."));
}

/// <summary>One statement of <see cref="RawSql.ExecuteAllAsync"/>: its text (parameters <c>@p0</c>, <c>@p1</c>, ...) and their values.</summary>
internal sealed record RawStatement(string Sql, IReadOnlyList<Arg> Args);

/// <summary>
/// The text of a <see cref="RawSql.UpdateRows"/>: <c>UPDATE t AS x SET … = v.…</c>, the names of the <c>VALUES</c>
/// columns (<c>v</c>), and the WHERE that joins each row (<c>x</c>) to its values and holds its guards.
/// </summary>
internal sealed record RowsUpdate(string Update, string Columns, string Where);

/// <summary>One SELECT of <see cref="RawSql.ReadAllAsync"/>, and what to do with each of its rows.</summary>
internal sealed record RawRead(RawStatement Statement, Action<DbDataReader> Row);

/// <summary>One bound value of a <see cref="RawSql"/> statement, with the type mapping of the column it goes to.</summary>
internal readonly record struct Arg(RelationalTypeMapping Mapping, object? Value);
