using System.Diagnostics;
using Npgsql;

namespace ResellerKit.Bench.Load.Usage;

/// <summary>
/// The P1pg baseline: raw Npgsql on the same PostgreSQL as the HTTP side, the same debits as P1, each as one transaction
/// of a conditional <c>UPDATE … WHERE balance &gt;= n</c> and an INSERT of its ledger row (unique idempotency key), from
/// 64 clients with a connection each, READ COMMITTED, as the Storefront's own connections are.
/// </summary>
public static class NpgsqlDebits
{
    public static async Task<(DebitTally Tally, int Overdrafts)> RunAsync(string connectionString, TimeSpan warmUp, TimeSpan duration)
    {
        await PrepareAsync(connectionString);
        var tally = new DebitTally();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, DebitWorkload.Clients).Select(client => Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            for (long n = 0; !stop.IsCancellationRequested; n++)
            {
                var wallet = DebitWorkload.WalletOf(client);
                var credits = DebitWorkload.CreditsOf(client, n);
                var started = Stopwatch.GetTimestamp();
                var debited = await DebitAsync(connection, wallet, credits, $"c{client}-{n}");
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (debited) tally.Debited(wallet, credits, ms);
                else tally.Refusal(ms);
            }
        })).ToList();
        await Task.Delay(warmUp);
        tally.Measuring = true;
        await Task.Delay(duration);
        tally.Measuring = false;
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var balances = await BalancesAsync(connectionString);
        foreach (var mismatch in tally.Mismatches(w => balances[w])) Console.WriteLine("  baseline MISMATCH " + mismatch);
        return (tally, tally.Overdrafts(w => balances[w]));
    }

    private static async Task<bool> DebitAsync(NpgsqlConnection connection, int wallet, long credits, string key)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var update = new NpgsqlCommand("UPDATE wallets SET balance = balance - @n WHERE id = @w AND balance >= @n", connection, transaction);
        update.Parameters.AddWithValue("n", credits);
        update.Parameters.AddWithValue("w", wallet);
        if (await update.ExecuteNonQueryAsync() == 0)
        {
            await transaction.RollbackAsync();
            return false;
        }
        await using var insert = new NpgsqlCommand(
            "INSERT INTO ledger (wallet_id, credits, idempotency_key, created_at) VALUES (@w, @n, @k, now())", connection, transaction);
        insert.Parameters.AddWithValue("w", wallet);
        insert.Parameters.AddWithValue("n", -credits);
        insert.Parameters.AddWithValue("k", key);
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return true;
    }

    private static async Task PrepareAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var values = string.Join(", ", Enumerable.Range(0, DebitWorkload.Wallets).Select(w => $"({w}, {DebitWorkload.Granted(w)})"));
        await using var schema = new NpgsqlCommand($"""
            CREATE TABLE wallets (id integer PRIMARY KEY, balance bigint NOT NULL CHECK (balance >= 0));
            CREATE TABLE ledger (id bigserial PRIMARY KEY, wallet_id integer NOT NULL REFERENCES wallets (id),
                credits bigint NOT NULL, idempotency_key text NOT NULL UNIQUE, created_at timestamptz NOT NULL);
            INSERT INTO wallets (id, balance) VALUES {values};
            """, connection);
        await schema.ExecuteNonQueryAsync();
    }

    private static async Task<long[]> BalancesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT balance FROM wallets ORDER BY id", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var balances = new List<long>();
        while (await reader.ReadAsync()) balances.Add(reader.GetInt64(0));
        return [.. balances];
    }

    /// <summary>Creates a database of its own on the cluster and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string adminConnectionString, string name)
    {
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, MaxPoolSize = 200 }.ConnectionString;
    }
}
