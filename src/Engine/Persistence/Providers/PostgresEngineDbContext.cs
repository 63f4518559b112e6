using Microsoft.EntityFrameworkCore;

namespace ResellerKit.Engine.Persistence.Providers;

public sealed class PostgresEngineDbContext(DbContextOptions<PostgresEngineDbContext> options) : EngineDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
