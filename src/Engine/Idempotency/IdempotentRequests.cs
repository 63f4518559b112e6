using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Idempotency;

/// <summary>
/// Runs keyed work at most once per key and scope, inside the caller's transaction (the ledger writer's batch): a key
/// seen before replays its stored reply (or is refused when the request differs); otherwise the work runs and its reply
/// is stored in the same transaction, so the two commit or vanish together. Twins in one batch run one after the
/// other, and the second finds the first's record. Replies of 500 and above are not stored, nor those the caller says
/// belong to another request (<c>keep</c>: a debit refused because its key was spent by a batch event, whose own retry
/// must still replay). The record is read and
/// written with plain ADO.NET (<see cref="RawSql"/>): it is on the usage hot path, once per keyed request.
/// </summary>
public sealed class IdempotentRequests(EngineDbContext db, TimeProvider clock) : IDisposable
{
    private readonly RawSql sql = new(db);
    private string? selectSql, insertSql;

    public async Task<Keyed<T>> RunAsync<T>(
        KeyedRequest request, Func<CancellationToken, Task<T>> work, Func<T, StoredReply> render, CancellationToken ct, Func<T, bool>? keep = null)
    {
        await using (var reader = await sql.ReadAsync(SelectSql,
            [sql.Arg<IdempotencyRecord>(nameof(IdempotencyRecord.Scope), request.Scope), sql.Arg<IdempotencyRecord>(nameof(IdempotencyRecord.Key), request.Key)], ct))
        {
            if (await reader.ReadAsync(ct))
            {
                var reply = new StoredReply(reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<byte[]>(4));
                return reader.GetString(0) == request.RequestHash ? Keyed<T>.Replay(reply) : Keyed<T>.Reused();
            }
        }
        var value = await work(ct);
        var stored = render(value);
        if (stored.StatusCode < 500 && keep?.Invoke(value) != false)
        {
            await sql.ExecuteAsync(InsertSql,
            [
                R(nameof(IdempotencyRecord.Scope), request.Scope), R(nameof(IdempotencyRecord.Key), request.Key),
                R(nameof(IdempotencyRecord.RequestHash), request.RequestHash), R(nameof(IdempotencyRecord.StatusCode), stored.StatusCode),
                R(nameof(IdempotencyRecord.ContentType), stored.ContentType), R(nameof(IdempotencyRecord.Location), stored.Location),
                R(nameof(IdempotencyRecord.ResponseBody), stored.Body), R(nameof(IdempotencyRecord.CreatedAt), clock.GetUtcNow()),
            ], ct);
        }
        return Keyed<T>.Fresh(value, stored);
    }

    public void Dispose() => sql.Dispose();

    private Arg R(string property, object? value) => sql.Arg<IdempotencyRecord>(property, value);

    private string C(string property) => sql.Column<IdempotencyRecord>(property);

    private static readonly string[] Columns = ["Scope", "Key", "RequestHash", "StatusCode", "ContentType", "Location", "ResponseBody", "CreatedAt"];

    private string SelectSql => selectSql ??=
        $"SELECT {C("RequestHash")}, {C("StatusCode")}, {C("ContentType")}, {C("Location")}, {C("ResponseBody")} " +
        $"FROM {sql.Table<IdempotencyRecord>()} WHERE {C("Scope")} = @p0 AND {C("Key")} = @p1";

    private string InsertSql => insertSql ??=
        $"INSERT INTO {sql.Table<IdempotencyRecord>()} ({string.Join(", ", Columns.Select(C))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})";
}
