using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.Hosting;

/// <summary>Applies migrations (which also create the sign-in roles). Safe to run on every node at every start.</summary>
public sealed class DatabasePreparation(EngineDbContext db, Readiness readiness)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        readiness.MarkMigrated();
    }
}
