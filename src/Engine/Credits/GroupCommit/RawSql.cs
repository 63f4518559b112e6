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

/// <summary>One SELECT of <see cref="RawSql.ReadAllAsync"/>, and what to do with each of its rows.</summary>
internal sealed record RawRead(RawStatement Statement, Action<DbDataReader> Row);

/// <summary>One bound value of a <see cref="RawSql"/> statement, with the type mapping of the column it goes to.</summary>
internal readonly record struct Arg(RelationalTypeMapping Mapping, object? Value);
