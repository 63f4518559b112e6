using Microsoft.EntityFrameworkCore;

namespace ResellerKit.Engine.Persistence.Providers;

public sealed class SqlServerEngineDbContext(DbContextOptions<SqlServerEngineDbContext> options) : EngineDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
