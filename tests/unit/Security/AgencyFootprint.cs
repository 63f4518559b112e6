using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Reports;
using ResellerKit.Engine.Webhooks;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// Every row the database holds for one agency, read through the EF model so that a new table is covered without
/// anyone remembering to: rows with its <c>AgencyId</c>, its own <c>Agencies</c> row, rows that hang off those by a
/// foreign key (a webhook message's attempts), and rows they point at (its members' user accounts). Platform tables
/// (floor prices, settings, keys, the Stripe sandbox's documents, idempotency records keyed by caller) are not any
/// agency's. What the app's background workers change on their own is left out, so that two readings differ only
/// when a request wrote to the agency: outbox leases and attempts, webhook delivery attempts, usage rollups.
/// </summary>
public sealed class AgencyFootprint
{
    private static readonly Dictionary<Type, string[]> BackgroundColumns = new()
    {
        [typeof(OutboxMessage)] = [nameof(OutboxMessage.Attempts), nameof(OutboxMessage.NextAttemptAt), nameof(OutboxMessage.LeasedUntil),
            nameof(OutboxMessage.LeaseOwner), nameof(OutboxMessage.CompletedAt), nameof(OutboxMessage.AbandonedAt), nameof(OutboxMessage.LastError)],
        [typeof(WebhookMessage)] = [nameof(WebhookMessage.AttemptCount), nameof(WebhookMessage.NextAttemptAt), nameof(WebhookMessage.LastError),
            nameof(WebhookMessage.State), nameof(WebhookMessage.RetryUntil), nameof(WebhookMessage.DeliveredAt)],
    };

    private static readonly Type[] BackgroundTables = [typeof(WebhookAttempt), typeof(UsageRollup)];

    private AgencyFootprint(IReadOnlyDictionary<string, string> rows) => Rows = rows;

    /// <summary>"Table[key]" to the row's columns, "name=value" in column order.</summary>
    public IReadOnlyDictionary<string, string> Rows { get; }

    public static async Task<AgencyFootprint> ReadAsync(IServiceProvider services, string slug)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            var rows = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (table, key, background, where) in Queries(db.Model))
            {
                await ReadTableAsync(connection, slug, table, key, background, where, rows);
            }
            return new AgencyFootprint(rows);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>What changed since <paramref name="before"/>: rows added, removed, or with other values.</summary>
    public IReadOnlyList<string> ChangesSince(AgencyFootprint before)
    {
        var changes = new List<string>();
        foreach (var (row, values) in Rows)
        {
            if (!before.Rows.TryGetValue(row, out var was)) changes.Add($"added {row}: {values}");
            else if (was != values) changes.Add($"changed {row}: {was} => {values}");
        }
        changes.AddRange(before.Rows.Keys.Where(row => !Rows.ContainsKey(row)).Select(row => $"removed {row}: {before.Rows[row]}"));
        return changes;
    }

    private static IEnumerable<(string Table, string[] Key, string[] Columns, string Where)> Queries(IModel model)
    {
        const string agency = "(SELECT \"Id\" FROM \"Agencies\" WHERE \"Slug\" = @slug)";
        // One entity per table: the owner where owned types share its table (their columns come with SELECT *).
        var tables = model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.FindPrimaryKey() is not null)
            .GroupBy(e => e.GetTableName()!).Select(g => g.OrderBy(e => e.IsOwned()).First())
            .Where(e => !BackgroundTables.Contains(e.ClrType)).ToList();
        var owned = tables.Where(e => e.FindProperty("AgencyId") is not null).ToList();
        foreach (var entity in tables)
        {
            var where = entity.ClrType == typeof(Agency) ? "\"Slug\" = @slug"
                : owned.Contains(entity) ? $"\"{Column(entity, "AgencyId")}\" = {agency}"
                : HangsOff(entity, owned, agency) ?? PointedAtBy(entity, owned, agency);
            if (where is null)
            {
                continue; // Not any agency's: platform settings, floor prices, keys, the sandbox's documents.
            }
            var background = (BackgroundColumns.GetValueOrDefault(entity.ClrType) ?? []).Select(p => Column(entity, p)).ToArray();
            var key = entity.FindPrimaryKey()!.Properties.Select(p => Column(entity, p.Name)).ToArray();
            yield return (entity.GetTableName()!, key, background, where);
        }
    }

    // Rows whose single-column foreign key points at a row of the agency (a webhook message's attempts).
    private static string? HangsOff(IEntityType entity, List<IEntityType> owned, string agency) =>
        entity.GetForeignKeys().Where(fk => fk.Properties.Count == 1 && owned.Contains(fk.PrincipalEntityType))
            .Select(fk => $"\"{Column(entity, fk.Properties[0].Name)}\" IN (SELECT \"{Column(fk.PrincipalEntityType, fk.PrincipalKey.Properties[0].Name)}\" " +
                $"FROM \"{fk.PrincipalEntityType.GetTableName()}\" WHERE \"{Column(fk.PrincipalEntityType, "AgencyId")}\" = {agency})")
            .Aggregate((string?)null, (all, one) => all is null ? one : $"{all} OR {one}");

    // Rows that the agency's rows point at (the user accounts of its members).
    private static string? PointedAtBy(IEntityType entity, List<IEntityType> owned, string agency) =>
        owned.SelectMany(o => o.GetForeignKeys().Where(fk => fk.PrincipalEntityType == entity && fk.Properties.Count == 1).Select(fk => (o, fk)))
            .Select(x => $"\"{Column(entity, x.fk.PrincipalKey.Properties[0].Name)}\" IN (SELECT \"{Column(x.o, x.fk.Properties[0].Name)}\" " +
                $"FROM \"{x.o.GetTableName()}\" WHERE \"{Column(x.o, "AgencyId")}\" = {agency})")
            .Aggregate((string?)null, (all, one) => all is null ? one : $"{all} OR {one}");

    private static string Column(IEntityType entity, string property)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return entity.FindProperty(property)!.GetColumnName(table)!;
    }

    private static async Task ReadTableAsync(
        DbConnection connection, string slug, string table, string[] key, string[] background, string where, Dictionary<string, string> rows)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE {where}";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@slug";
        parameter.Value = slug;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            var values = Enumerable.Range(0, reader.FieldCount).Where(i => !background.Contains(reader.GetName(i)))
                .ToDictionary(reader.GetName, i => Text(reader.GetValue(i)));
            rows[$"{table}[{string.Join(",", key.Select(k => values[k]))}]"] = string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"));
        }
    }

    private static string Text(object value) => value switch
    {
        DBNull => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
