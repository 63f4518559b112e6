using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// The sandbox store's reads by id, compiled once per app (a compiled query keeps the first model it meets, and one
/// process may host apps on two providers): every checkout page and Pay press reads its session and account, so EF's
/// per-query translation cache lookup is worth skipping.
/// </summary>
public sealed class SandboxQueries
{
    public Func<EngineDbContext, string, string, Task<string?>> Json { get; } = EF.CompileAsyncQuery((EngineDbContext db, string collection, string id) =>
        db.StoredDocuments.AsNoTracking().Where(d => d.Collection == collection && d.Id == id).Select(d => d.Json).SingleOrDefault());
}
