using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// A database transaction that writes: on SQLite it first takes this file's turn in <see cref="SqliteWriteGate"/>
/// and gives it back when disposed, after the commit or rollback.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly EngineDbContext db;
    private readonly IDbContextTransaction transaction;
    private readonly IDisposable? turn;

    private WriteTransaction(EngineDbContext db, IDbContextTransaction transaction, IDisposable? turn)
    {
        this.db = db;
        this.transaction = transaction;
        this.turn = turn;
    }

    /// <param name="operation">What writes ("ManageTeam.InviteAsync", "POST /api/v1/campaigns"): the log names it when it holds the lock long.</param>
    public static async Task<WriteTransaction> BeginAsync(EngineDbContext db, string operation, CancellationToken ct)
    {
        var turn = await SqliteWriteGate.EnterAsync(db, operation, ct);
        try
        {
            return new WriteTransaction(db, await db.Database.BeginTransactionAsync(ct), turn);
        }
        catch
        {
            turn?.Dispose();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await transaction.CommitAsync(ct);
        LedgerCommits.Committed(db);
    }

    public Task RollbackAsync(CancellationToken ct)
    {
        LedgerCommits.RolledBackTo(db, 0);
        return transaction.RollbackAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            LedgerCommits.RolledBackTo(db, 0); // Whatever was not committed by now never will be.
            await transaction.DisposeAsync();
        }
        finally
        {
            turn?.Dispose();
        }
    }
}
