using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ResellerKit.Engine.Persistence.Providers;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEngineDbContext>
{
    public SqliteEngineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEngineDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEngineDbContext>
{
    public PostgresEngineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEngineDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerEngineDbContext>
{
    public SqlServerEngineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerEngineDbContext>().UseSqlServer("Server=localhost;Database=design").Options);
}
