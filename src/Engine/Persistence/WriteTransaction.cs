using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// A database transaction that writes: on SQLite it first takes this file's turn in <see cref="SqliteWriteGate"/>
/// and gives it back when disposed, after the commit or rollback.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction transaction;
    private readonly IDisposable? turn;

    private WriteTransaction(IDbContextTransaction transaction, IDisposable? turn)
    {
        this.transaction = transaction;
        this.turn = turn;
    }

    public static async Task<WriteTransaction> BeginAsync(EngineDbContext db, CancellationToken ct)
    {
        var turn = await SqliteWriteGate.EnterAsync(db, ct);
        try
        {
            return new WriteTransaction(await db.Database.BeginTransactionAsync(ct), turn);
        }
        catch
        {
            turn?.Dispose();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public Task RollbackAsync(CancellationToken ct) => transaction.RollbackAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            turn?.Dispose();
        }
    }
}
