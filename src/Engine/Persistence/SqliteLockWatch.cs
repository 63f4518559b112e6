using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// Names who held SQLite's write lock when a write was slow, so that a request that hung shows its cause in the log:
/// a writer that waited past <see cref="SlowAfter"/> for its turn (<see cref="SqliteWriteGate"/>), a turn held longer
/// than that, a command or a BEGIN that took longer (an ungated writer polling the lock), and a "database is locked"
/// after the busy timeout. Each warning names the operation holding the turn at that moment, if any.
/// </summary>
internal sealed class SqliteLockWatch(ILogger logger, TimeSpan slowAfter) : IDbCommandInterceptor, IDbTransactionInterceptor
{
    public TimeSpan SlowAfter { get; } = slowAfter;

    public void WaitingForTurn(string operation, string file, TimeSpan waited, TurnHolder? holder) =>
        logger.LogWarning("{Operation} has waited {Waited:F1} s for its turn to write to {File}; {Holder}",
            operation, waited.TotalSeconds, Path.GetFileName(file), Describe(holder));

    public void TurnEnded(TurnHolder holder, string file)
    {
        var held = holder.Held;
        if (held > SlowAfter)
        {
            logger.LogWarning("{Operation} held the turn to write to {File} for {Held:F1} s; every other writer waited meanwhile",
                holder.Operation, Path.GetFileName(file), held.TotalSeconds);
        }
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Executed(command, eventData, result);

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default) =>
        ValueTask.FromResult(Executed(command, eventData, result));

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Executed(command, eventData, result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default) =>
        ValueTask.FromResult(Executed(command, eventData, result));

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Executed(command, eventData, result);

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken ct = default) =>
        ValueTask.FromResult(Executed(command, eventData, result));

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(command.Connection, eventData.Exception, eventData.Duration, Text(command));

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default)
    {
        Failed(command.Connection, eventData.Exception, eventData.Duration, Text(command));
        return Task.CompletedTask;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Slow(connection, eventData.Duration, "BEGIN");
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken ct = default)
    {
        Slow(connection, eventData.Duration, "BEGIN");
        return ValueTask.FromResult(result);
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Failed(transaction?.Connection, eventData.Exception, eventData.Duration, eventData.Action);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken ct = default)
    {
        Failed(transaction?.Connection, eventData.Exception, eventData.Duration, eventData.Action);
        return Task.CompletedTask;
    }

    private T Executed<T>(DbCommand command, CommandExecutedEventData eventData, T result)
    {
        Slow(command.Connection, eventData.Duration, Text(command));
        return result;
    }

    private void Slow(DbConnection? connection, TimeSpan duration, string what)
    {
        if (duration > SlowAfter)
        {
            logger.LogWarning("A database command took {Duration:F1} s; {Holder}. The command: {Command}",
                duration.TotalSeconds, Describe(SqliteWriteGate.HolderWithin(connection?.ConnectionString, duration)), what);
        }
    }

    private void Failed(DbConnection? connection, Exception exception, TimeSpan duration, string what)
    {
        if (exception is SqliteException { SqliteErrorCode: 5 or 6 })
        {
            logger.LogError("SQLite answered \"{Error}\" after {Duration:F1} s; {Holder}. The command: {Command}",
                exception.Message, duration.TotalSeconds, Describe(SqliteWriteGate.HolderWithin(connection?.ConnectionString, duration)), what);
        }
        else
        {
            Slow(connection, duration, what);
        }
    }

    private static string Describe(TurnHolder? holder) =>
        holder?.ToString() ?? "no write transaction of this process held the turn to write meanwhile";

    private static string Text(DbCommand command)
    {
        var text = command.CommandText.ReplaceLineEndings(" ");
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
