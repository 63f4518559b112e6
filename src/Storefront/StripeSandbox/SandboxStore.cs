using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Persistence.Documents;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>The sandbox's Stripe objects, kept as Stripe-shaped JSON in the database so that they survive a restart.</summary>
public sealed class SandboxStore(EngineDbContext db, SandboxQueries queries, TimeProvider clock)
{
    public async Task<JsonObject?> GetAsync(string collection, string id, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var json = await queries.Json(db, collection, id);
        return json is null ? null : JsonNode.Parse(json)!.AsObject();
    }

    public async Task<JsonObject?> FindAsync(string collection, string partition, CancellationToken ct)
    {
        var doc = await db.StoredDocuments.AsNoTracking().Where(d => d.Collection == collection && d.Partition == partition)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(ct);
        return doc is null ? null : JsonNode.Parse(doc.Json)!.AsObject();
    }

    /// <summary>Adds a document to the unit of work; the caller saves (so that several writes commit together).</summary>
    public void Add(string collection, JsonObject document, string? partition = null) =>
        db.StoredDocuments.Add(StoredDocument.Create(collection, (string)document["id"]!, partition, document.ToJsonString(), clock.GetUtcNow()));

    /// <summary>
    /// Replaces a stored document in the unit of work without reading it again (an UPDATE of its JSON by key); the
    /// caller saves, and the save fails if the document does not exist.
    /// </summary>
    public Task UpdateAsync(string collection, JsonObject document, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var id = (string)document["id"]!;
        var json = document.ToJsonString();
        var tracked = db.ChangeTracker.Entries<StoredDocument>().FirstOrDefault(e => e.Entity.Collection == collection && e.Entity.Id == id);
        if (tracked is not null)
        {
            tracked.Entity.Json = json;
            return Task.CompletedTask;
        }
        var stored = StoredDocument.Create(collection, id, null, json, default);
        db.StoredDocuments.Attach(stored);
        db.Entry(stored).Property(d => d.Json).IsModified = true;
        return Task.CompletedTask;
    }

    public async Task<List<JsonObject>> ListAsync(string collection, string? partition, int take, CancellationToken ct)
    {
        var query = db.StoredDocuments.AsNoTracking().Where(d => d.Collection == collection);
        if (partition is not null)
        {
            query = query.Where(d => d.Partition == partition);
        }
        var docs = await query.OrderByDescending(d => d.CreatedAt).Take(take).ToListAsync(ct);
        return docs.Select(d => JsonNode.Parse(d.Json)!.AsObject()).ToList();
    }

    /// <summary>
    /// Saves the unit of work in a write transaction, so that on SQLite it takes its turn at the file's write lock in
    /// this process (<see cref="WriteTransaction"/>) instead of meeting the lock held by another writer (a ledger batch)
    /// and polling for it in SQLite's busy handler, asleep for 1, 2, 5, 10 ms and more while the lock is free: under
    /// the P4 bench most payments slept so. Inside a transaction the caller holds, a savepoint.
    /// </summary>
    public async Task SaveAsync(CancellationToken ct) => await db.InTransactionAsync<int>(async token => await db.SaveChangesAsync(token), ct);

    public long Now => clock.GetUtcNow().ToUnixTimeSeconds();
}
