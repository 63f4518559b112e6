using Microsoft.EntityFrameworkCore;
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

    public async Task<Keyed<T>> RunAsync<T>(
        KeyedRequest request, Func<CancellationToken, Task<T>> work, Func<T, StoredReply> render, CancellationToken ct, Func<T, bool>? keep = null)
    {
        if ((await FindAsync([request], ct)).TryGetValue((request.Scope, request.Key), out var seen))
        {
            return Replayed<T>(request, seen);
        }
        if (await SpentByAnotherRequestAsync(db, request, ct))
        {
            return Keyed<T>.Reused();
        }
        var value = await work(ct);
        var stored = render(value);
        if (Kept(value, stored, keep) is { } kept)
        {
            await StoreAsync([(request, kept)], ct);
        }
        return Keyed<T>.Fresh(value, stored);
    }

    /// <summary>
    /// True when a usage debit the single route applied keeps this key's record on its own transaction
    /// (<see cref="Credits.LedgerTransaction.RequestHash"/>) for another request: the key is spent in its scope, on every
    /// route, as if a reply were stored under it.
    /// </summary>
    public static Task<bool> SpentByAnotherRequestAsync(EngineDbContext db, KeyedRequest request, CancellationToken ct) =>
        db.LedgerTransactions.AsNoTracking().AnyAsync(t => t.IdempotencyScope == request.Scope && t.IdempotencyKey == request.Key
            && t.RequestHash != null && t.RequestHash != request.RequestHash, ct);

    /// <summary>A request whose key has a record: its stored reply, or a refusal when it asks for something else.</summary>
    public static Keyed<T> Replayed<T>(KeyedRequest request, SeenRequest seen) =>
        seen.RequestHash == request.RequestHash ? Keyed<T>.Replay(seen.Reply) : Keyed<T>.Reused();

    /// <summary>The reply to store for <paramref name="value"/>: none for 500 and above, nor when the caller says it belongs to another request.</summary>
    public static StoredReply? Kept<T>(T value, StoredReply reply, Func<T, bool>? keep) =>
        reply.StatusCode < 500 && keep?.Invoke(value) != false ? reply : null;

    /// <summary>The records of any of these requests' keys, by scope and key (one read per scope and hundred keys).</summary>
    public async Task<Dictionary<(string Scope, string Key), SeenRequest>> FindAsync(IReadOnlyList<KeyedRequest> requests, CancellationToken ct)
    {
        var found = new Dictionary<(string Scope, string Key), SeenRequest>();
        await sql.ReadAllAsync(Finding(requests, found), ct);
        return found;
    }

    /// <summary>The reads of <see cref="FindAsync"/>, for a caller that sends them with its own; they fill <paramref name="found"/>.</summary>
    internal IReadOnlyList<RawRead> Finding(IReadOnlyList<KeyedRequest> requests, Dictionary<(string Scope, string Key), SeenRequest> found)
    {
        var reads = new List<RawRead>();
        foreach (var scope in requests.GroupBy(r => r.Scope, r => r.Key))
        {
            foreach (var keys in scope.Distinct(StringComparer.Ordinal).Chunk(100))
            {
                var text = $"SELECT {C("RequestHash")}, {C("StatusCode")}, {C("ContentType")}, {C("Location")}, {C("ResponseBody")}, {C("Key")} " +
                    $"FROM {sql.Table<IdempotencyRecord>()} WHERE {sql.ScopedKeys(C("Scope"), C("Key"), keys.Length)}";
                reads.Add(new RawRead(new RawStatement(text, [R(nameof(IdempotencyRecord.Scope), scope.Key), .. keys.Select(k => R(nameof(IdempotencyRecord.Key), k))]),
                    reader => found[(scope.Key, reader.GetString(5))] = new SeenRequest(reader.GetString(0), new StoredReply(reader.GetInt32(1),
                        reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<byte[]>(4)))));
            }
        }
        return reads;
    }

    /// <summary>Stores these replies with multi-row INSERTs, in the open transaction.</summary>
    public async Task StoreAsync(IReadOnlyList<(KeyedRequest Request, StoredReply Reply)> replies, CancellationToken ct)
    {
        foreach (var statement in Storing(replies))
        {
            await sql.ExecuteAsync(statement.Sql, statement.Args, ct);
        }
    }

    /// <summary>The INSERTs that store these replies, for a caller that sends them with its own statements.</summary>
    internal IReadOnlyList<RawStatement> Storing(IReadOnlyList<(KeyedRequest Request, StoredReply Reply)> replies)
    {
        var now = clock.GetUtcNow();
        if (sql.BindsRowsAsJson)
        {
            return replies.Count == 0 ? [] : [sql.InsertJsonRows<IdempotencyRecord>(Columns, replies.Select(row => Values(row, now)))];
        }
        return replies.Chunk(sql.RowsPerInsert).Select(rows => new RawStatement(
            $"INSERT INTO {sql.Table<IdempotencyRecord>()} ({string.Join(", ", Columns.Select(C))}) VALUES " +
                string.Join(", ", rows.Select((_, r) => $"({string.Join(", ", Columns.Select((_, i) => $"@p{r * Columns.Length + i}"))})")),
            rows.SelectMany(row => Values(row, now)).ToList())).ToList();
    }

    // A record's values, in the order of Columns.
    private Arg[] Values((KeyedRequest Request, StoredReply Reply) row, DateTimeOffset now) =>
    [
        R(nameof(IdempotencyRecord.Scope), row.Request.Scope), R(nameof(IdempotencyRecord.Key), row.Request.Key),
        R(nameof(IdempotencyRecord.RequestHash), row.Request.RequestHash), R(nameof(IdempotencyRecord.StatusCode), row.Reply.StatusCode),
        R(nameof(IdempotencyRecord.ContentType), row.Reply.ContentType), R(nameof(IdempotencyRecord.Location), row.Reply.Location),
        R(nameof(IdempotencyRecord.ResponseBody), row.Reply.Body), R(nameof(IdempotencyRecord.CreatedAt), now),
    ];

    public void Dispose() => sql.Dispose();

    private Arg R(string property, object? value) => sql.Arg<IdempotencyRecord>(property, value);

    private string C(string property) => sql.Column<IdempotencyRecord>(property);

    private static readonly string[] Columns = ["Scope", "Key", "RequestHash", "StatusCode", "ContentType", "Location", "ResponseBody", "CreatedAt"];
}

/// <summary>A key's record: the hash of the request that first used it, and the reply stored for it.</summary>
public sealed record SeenRequest(string RequestHash, StoredReply Reply);
