using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Persistence;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> atomically: commits when it succeeds and rolls back when it returns an error or
    /// throws. Inside a transaction the caller already holds (the HTTP idempotency layer opens one), it uses a
    /// savepoint, so a failed use case still leaves nothing behind. The caller's file and member name the operation
    /// in the log when its transaction holds SQLite's write lock long (<see cref="SqliteLockWatch"/>).
    /// </summary>
    public static async Task<Result<T>> InTransactionAsync<T>(
        this EngineDbContext db, Func<CancellationToken, Task<Result<T>>> work, CancellationToken ct,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "")
    {
        if (db.Database.CurrentTransaction is { } ambient)
        {
            // One name for every nested savepoint: RELEASE and ROLLBACK TO address the newest of that name, so nesting
            // still works, and the statement text stays the same (the database prepares it once, not per call).
            const string savepoint = "use_case";
            await ambient.CreateSavepointAsync(savepoint, ct);
            var written = LedgerCommits.Mark(db);
            var nested = await work(ct);
            if (nested.IsSuccess)
            {
                await ambient.ReleaseSavepointAsync(savepoint, ct);
            }
            else
            {
                await ambient.RollbackToSavepointAsync(savepoint, ct);
                LedgerCommits.RolledBackTo(db, written);
                db.ChangeTracker.Clear();
            }
            return nested;
        }

        var operation = $"{Path.GetFileNameWithoutExtension(callerFile.Replace('\\', '/'))}.{callerMember}";
        await using var transaction = await WriteTransaction.BeginAsync(db, operation, ct);
        var result = await work(ct);
        if (result.IsSuccess)
        {
            await transaction.CommitAsync(ct);
        }
        else
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
        }
        return result;
    }
}
