using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>Commands prepared once per SQL text: for the unit of work, or for as long as a kept connection is open.</summary>
internal sealed partial class RawSql
{
    // Commands kept with their connection rather than the unit of work, by connection.
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Kept = new();

    // More distinct statements than a writer makes (IN lists and multi-row INSERTs of each size): a bound, not a limit.
    private const int MostKept = 1024;

    /// <summary>Keeps the commands made on <paramref name="connection"/> from one unit of work to the next, until <see cref="ForgetCommands"/>.</summary>
    public static void KeepCommands(DbConnection connection) => Kept.AddOrUpdate(connection, new Dictionary<string, DbCommand>(StringComparer.Ordinal));

    /// <summary>Disposes the commands kept for <paramref name="connection"/> and stops keeping them.</summary>
    public static void ForgetCommands(DbConnection connection)
    {
        if (!Kept.TryGetValue(connection, out var commands)) return;
        Kept.Remove(connection);
        foreach (var command in commands.Values) command.Dispose();
    }

    private DbCommand Prepare(string sql, IReadOnlyList<Arg> args)
    {
        if (commands is null)
        {
            kept = Kept.TryGetValue(db.Database.GetDbConnection(), out commands);
            commands ??= new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        }
        if (!commands.TryGetValue(sql, out var command))
        {
            if (kept && commands.Count >= MostKept) Clear(commands);
            command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.Parameters.Clear();
        if (command is NpgsqlCommand) Unprepare(command, sql);
        for (var i = 0; i < args.Count; i++)
        {
            command.Parameters.Add(args[i].Mapping.CreateParameter(command, $"@p{i}", args[i].Value, nullable: true));
        }
        return command;
    }

    /// <summary>
    /// Detaches a kept Npgsql command from the statement it was prepared as, so that its next run binds the parameters
    /// just added. Once Npgsql has prepared a command (automatically too: <c>Max Auto Prepare</c> in the connection
    /// string), it skips rewriting the SQL on later runs and sends the parameter objects it found the first time, even
    /// after <c>Parameters.Clear()</c>: a kept INSERT then wrote an earlier debit's values again (npgsql/npgsql#3850;
    /// only setting <c>CommandText</c> resets it). The server-side statement stays: the next run finds it again by its
    /// text, so auto-preparation still saves the parse and plan, at the cost of rewriting the text on the client, as
    /// with auto-preparation off.
    /// </summary>
    private static void Unprepare(DbCommand command, string sql) => command.CommandText = sql;

    public void Dispose()
    {
        if (commands is not null && !kept) Clear(commands);
    }

    private static void Clear(Dictionary<string, DbCommand> commands)
    {
        foreach (var command in commands.Values) command.Dispose();
        commands.Clear();
    }
}
