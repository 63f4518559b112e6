using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.Health;

public static class HealthEndpoints
{
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();
        app.MapGet("/readyz", ReadyAsync).ExcludeFromDescription();
        app.MapGet("/", () => TypedResults.Redirect("/admin")).ExcludeFromDescription();
        return app;
    }

    /// <summary>Ready once migrations are applied, the node is warm, and the database answers.</summary>
    public static async Task<IResult> ReadyAsync(Readiness readiness, EngineDbContext db, CancellationToken ct)
    {
        if (!readiness.Migrated)
        {
            return TypedResults.Text("migrating", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (!readiness.Warm)
        {
            return TypedResults.Text("warming up", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return await db.Database.CanConnectAsync(ct)
            ? TypedResults.Text("ready")
            : TypedResults.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
