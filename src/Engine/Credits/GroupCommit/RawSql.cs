using System.Collections.Concurrent;
using System.Data.Common;
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
internal sealed partial class RawSql(EngineDbContext db) : IDisposable
{
    private static readonly ConcurrentDictionary<(IModel, Type, string), IProperty> Properties = new();

    // What Arg and Column look up per value and per statement (a batch of 100 events binds about 2,000 values),
    // kept per model so that the property's mapping and column name are found once.
    private static readonly ConcurrentDictionary<(IModel, Type, string), RelationalTypeMapping> Mappings = new();
    private static readonly ConcurrentDictionary<(IModel, Type, string), string> Columns = new();

    // The mappings this unit of work has bound, by the very strings it named them with (see SameNames).
    private Dictionary<(Type, string), RelationalTypeMapping>? mappings;

    private Dictionary<string, DbCommand>? commands;
    private bool kept;
    private readonly ISqlGenerationHelper quoting = db.GetService<ISqlGenerationHelper>();

    // The provider, asked once: each DatabaseFacade.IsSqlite() or IsNpgsql() resolves the provider's name through the
    // context's services and compares it with an assembly's name, and the writer asked several times per statement it
    // built (~1% of its CPU under P1b).
    private readonly bool isSqlite = db.Database.IsSqlite(), isPostgres = db.Database.IsNpgsql();

    /// <summary>Whether the context is on SQLite.</summary>
    public bool IsSqlite => isSqlite;

    public string Table<T>() => quoting.DelimitIdentifier(db.Model.FindEntityType(typeof(T))!.GetTableName()!);

    // A column's quoted name, per model: the writer builds its statements' text from these on every batch.
    public string Column<T>(string property) =>
        Columns.GetOrAdd((db.Model, typeof(T), property), static (k, self) => self.ColumnName(k.Item2, k.Item3), this);

    /// <summary>A parameter for <typeparamref name="T"/>.<paramref name="property"/>, converted as EF converts it.</summary>
    public Arg Arg<T>(string property, object? value) => new(Mapping(typeof(T), property), value);

    public async Task<int> ExecuteAsync(string sql, IReadOnlyList<Arg> args, CancellationToken ct)
    {
        var command = Prepare(sql, args);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public bool IsPostgres => isPostgres;

    public async Task<DbDataReader> ReadAsync(string sql, IReadOnlyList<Arg> args, CancellationToken ct)
    {
        var command = Prepare(sql, args);
        return await command.ExecuteReaderAsync(ct);
    }

    /// <summary>A column read back through its property's mapping (SQLite keeps instants as numbers, for example).</summary>
    public T? Value<T>(DbDataReader reader, int ordinal, Type entity, string property)
    {
        if (reader.IsDBNull(ordinal)) return default;
        var mapping = Mapping(entity, property);
        if (mapping.Converter is { } converter)
        {
            var raw = reader.GetFieldValue<object>(ordinal);
            return (T?)converter.ConvertFromProvider(Convert.ChangeType(raw, converter.ProviderClrType, System.Globalization.CultureInfo.InvariantCulture));
        }
        return reader.GetFieldValue<T>(ordinal);
    }

    private IProperty Property<T>(string property) => Property(typeof(T), property);

    private RelationalTypeMapping Mapping(Type entity, string property)
    {
        mappings ??= new Dictionary<(Type, string), RelationalTypeMapping>(SameNames.Instance);
        if (!mappings.TryGetValue((entity, property), out var mapping))
        {
            mapping = mappings[(entity, property)] = Mappings.GetOrAdd((db.Model, entity, property),
                static (k, self) => self.Property(k.Item2, k.Item3).GetRelationalTypeMapping(), this);
        }
        return mapping;
    }

    private string ColumnName(Type entity, string property)
    {
        var type = db.Model.FindEntityType(entity)!;
        return quoting.DelimitIdentifier(Property(entity, property).GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!);
    }

    // Per model: the SQLite, PostgreSQL and SQL Server contexts each have their own mappings.
    private IProperty Property(Type entity, string property) =>
        Properties.GetOrAdd((db.Model, entity, property), k => k.Item1.FindEntityType(k.Item2)!.FindProperty(k.Item3)
            ?? throw new InvalidOperationException($"{k.Item2.Name} has no property {k.Item3}."));
}

