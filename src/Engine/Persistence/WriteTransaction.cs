using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// A database transaction that writes: on SQLite it first takes this file's turn in <see cref="SqliteWriteGate"/>
/// and gives it back as soon as it commits or rolls back (or, failing both, when disposed). What runs after the commit
/// and before the dispose (calls to Stripe, to the sandbox on this node, which writes in its own turn) must not find
/// the turn still held, or the two wait on each other. Disposed without either (an error, a refusal), it
/// rolls back in so many words, so that everything keeping a unit of work's state by its context (what waits for the
/// commit to be announced, the ledger transactions to count) forgets it: the context is pooled, and the next scope to
/// lease it must not announce this one's writes as committed.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly EngineDbContext db;
    private readonly IDbContextTransaction transaction;
    private IDisposable? turn;
    private bool ended;

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
        ended = true;
        await transaction.CommitAsync(ct);
        EndTurn();
        LedgerCommits.Committed(db);
    }

    public async Task RollbackAsync(CancellationToken ct)
    {
        ended = true;
        LedgerCommits.RolledBackTo(db, 0);
        await transaction.RollbackAsync(ct);
        EndTurn();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            LedgerCommits.RolledBackTo(db, 0); // Whatever was not committed by now never will be.
            if (!ended)
            {
                await RollBackQuietlyAsync();
            }
            await transaction.DisposeAsync();
        }
        finally
        {
            EndTurn();
        }
    }

    private void EndTurn()
    {
        turn?.Dispose();
        turn = null;
    }

    // On the way out of a failed unit of work: a rollback that fails too (the connection is gone) ends the transaction
    // just the same, and EF tells the same listeners it failed; the error that ended the unit of work is the one to see.
    private async Task RollBackQuietlyAsync()
    {
        try
        {
            await RollbackAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
        }
    }
}
