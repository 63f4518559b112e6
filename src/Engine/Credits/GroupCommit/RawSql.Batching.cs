using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>Several statements or reads in one round trip where the provider batches (PostgreSQL), one after the other elsewhere.</summary>
internal sealed partial class RawSql
{
    /// <summary>Whether <see cref="ExecuteAllAsync"/> sends its statements in one round trip.</summary>
    public bool SendsTogether => db.Database.GetDbConnection().CanCreateBatch;

    /// <summary>
    /// Runs <paramref name="statements"/> in order and returns the rows each affected. Where the provider batches
    /// (<see cref="DbBatch"/>: PostgreSQL), they go to the server in one round trip, since the writer's time there is
    /// mostly waiting on round trips; elsewhere (SQLite is in the process) one after the other. A statement that fails
    /// throws, and those after it have not run.
    /// </summary>
    public async Task<int[]> ExecuteAllAsync(IReadOnlyList<RawStatement> statements, CancellationToken ct)
    {
        var affected = new int[statements.Count];
        if (statements.Count < 2 || !SendsTogether)
        {
            for (var i = 0; i < statements.Count; i++) affected[i] = await ExecuteAsync(statements[i].Sql, statements[i].Args, ct);
            return affected;
        }
        await using var batch = Batch(statements);
        await batch.ExecuteNonQueryAsync(ct);
        for (var i = 0; i < statements.Count; i++) affected[i] = batch.BatchCommands[i].RecordsAffected;
        return affected;
    }

    /// <summary>
    /// Runs SELECTs in order and hands each row of each to its read's <see cref="RawRead.Row"/>: in one round trip
    /// where the provider batches, as <see cref="ExecuteAllAsync"/> does.
    /// </summary>
    public async Task ReadAllAsync(IReadOnlyList<RawRead> reads, CancellationToken ct)
    {
        if (reads.Count < 2 || !SendsTogether)
        {
            foreach (var read in reads)
            {
                await using var one = await ReadAsync(read.Statement.Sql, read.Statement.Args, ct);
                while (await one.ReadAsync(ct)) read.Row(one);
            }
            return;
        }
        await using var batch = Batch(reads.Select(r => r.Statement));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        for (var i = 0; i < reads.Count; i++)
        {
            if (i > 0 && !await reader.NextResultAsync(ct)) throw new InvalidOperationException("A batched read returned fewer results than it sent.");
            while (await reader.ReadAsync(ct)) reads[i].Row(reader);
        }
    }

    private DbBatch Batch(IEnumerable<RawStatement> statements)
    {
        var connection = db.Database.GetDbConnection();
        var batch = connection.CreateBatch();
        batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        using var factory = connection.CreateCommand(); // type mappings make their parameters through a command
        foreach (var statement in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Sql;
            for (var i = 0; i < statement.Args.Count; i++)
            {
                command.Parameters.Add(statement.Args[i].Mapping.CreateParameter(factory, $"@p{i}", statement.Args[i].Value, nullable: true));
            }
            batch.BatchCommands.Add(command);
        }
        return batch;
    }
}
