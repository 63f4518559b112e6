using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// Puts SQLite's writes outside an explicit transaction (a SaveChanges on its own, an ExecuteUpdate or ExecuteDelete)
/// in the same queue as <see cref="WriteTransaction"/>s (<see cref="SqliteWriteGate"/>). Without it they met the
/// single write lock held by a queued transaction, and SQLite's busy handler made them sleep and poll, tens of
/// milliseconds at a time: a payment's webhook and its outbox rows waited behind their own retries. A context that
/// already holds the turn (its SaveChanges) or a transaction never asks again.
/// </summary>
internal sealed class SqliteWriteTurns : DbCommandInterceptor, ISaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, IDisposable> Held = new();
    private static readonly ConditionalWeakTable<DbCommand, IDisposable> Commands = new();

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is EngineDbContext db && db.Database.CurrentTransaction is null && !Held.TryGetValue(db, out _)
            && await SqliteWriteGate.EnterAsync(db, ct) is { } turn)
        {
            Held.AddOrUpdate(db, turn);
        }
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (command.Transaction is null && eventData.Context is EngineDbContext db && !Held.TryGetValue(db, out _) && IsWrite(command.CommandText)
            && await SqliteWriteGate.EnterAsync(db, ct) is { } turn)
        {
            Commands.AddOrUpdate(command, turn);
        }
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        NonQueryExecutingAsync(command, eventData, result).AsTask().GetAwaiter().GetResult();

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Release(command);
        return result;
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Release(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken ct = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Release(command);

    private static bool IsWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase);
    }

    private static void Release(DbContext? context)
    {
        if (context is not null && Held.TryGetValue(context, out var turn))
        {
            Held.Remove(context);
            turn.Dispose();
        }
    }

    private static void Release(DbCommand command)
    {
        if (Commands.TryGetValue(command, out var turn))
        {
            Commands.Remove(command);
            turn.Dispose();
        }
    }
}
