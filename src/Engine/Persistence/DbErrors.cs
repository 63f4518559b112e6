using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ResellerKit.Engine.Persistence;

/// <summary>Recognises a unique-index violation on any of the three providers.</summary>
public static class DbErrors
{
    public static bool IsUniqueViolation(this DbUpdateException exception) => IsUniqueViolation(exception.InnerException);

    /// <summary>The database broke a lock cycle by aborting this statement: nothing of it applied, and it may simply run again.</summary>
    public static bool IsDeadlock(Exception? exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.DeadlockDetected,
        SqlException sqlServer => sqlServer.Number == 1205,
        null => false,
        _ => IsDeadlock(exception.InnerException),
    };

    public static bool IsUniqueViolation(Exception? exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        DbUpdateException update => IsUniqueViolation(update.InnerException),
        _ => false,
    };
}
