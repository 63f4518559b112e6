using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ResellerKit.Bench.Load.Usage;

/// <summary>
/// The P1 baseline: a raw Microsoft.Data.Sqlite loop, the same debits as the HTTP side, each as one transaction of a
/// conditional <c>UPDATE wallets SET balance = balance - n WHERE balance &gt;= n</c> and an INSERT of its ledger row
/// (with its idempotency key, unique), with the Storefront's pragmas (WAL, synchronous=FULL, busy timeout, foreign
/// keys). 64 clients on 64 threads with a connection each, so no thread pool or scheduler stands in its way.
/// </summary>
public static class SqliteDebits
{
    // The Storefront's own pragmas, as src/Engine/Persistence/SqlitePragmas.cs sets them on every connection.
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;";

    public static async Task<(DebitTally Tally, int Overdrafts)> RunAsync(string folder, TimeSpan warmUp, TimeSpan duration)
    {
        var connectionString = $"Data Source={Path.Combine(folder, "baseline.db")};Pooling=False";
        Prepare(connectionString);
        var tally = new DebitTally();
        var stop = false;
        var threads = Enumerable.Range(0, DebitWorkload.Clients).Select(client => new Thread(() =>
        {
            using var connection = Open(connectionString);
            for (long n = 0; !Volatile.Read(ref stop); n++)
            {
                var wallet = DebitWorkload.WalletOf(client);
                var credits = DebitWorkload.CreditsOf(client, n);
                var started = Stopwatch.GetTimestamp();
                var debited = Debit(connection, wallet, credits, $"c{client}-{n}");
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (debited) tally.Debited(wallet, credits, ms);
                else tally.Refusal(ms);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        await Task.Delay(warmUp);
        tally.Measuring = true;
        await Task.Delay(duration);
        tally.Measuring = false;
        Volatile.Write(ref stop, true);
        threads.ForEach(t => t.Join());

        var balances = Balances(connectionString);
        foreach (var mismatch in tally.Mismatches(w => balances[w])) Console.WriteLine("  baseline MISMATCH " + mismatch);
        return (tally, tally.Overdrafts(w => balances[w]));
    }

    private static bool Debit(SqliteConnection connection, int wallet, long credits, string key)
    {
        using var transaction = connection.BeginTransaction(); // BEGIN IMMEDIATE, as EF Core's SQLite provider does
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE wallets SET balance = balance - $n WHERE id = $w AND balance >= $n";
        update.Parameters.AddWithValue("$n", credits);
        update.Parameters.AddWithValue("$w", wallet);
        if (update.ExecuteNonQuery() == 0)
        {
            transaction.Rollback();
            return false;
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO ledger (wallet_id, credits, idempotency_key, created_at) VALUES ($w, $n, $k, $t)";
        insert.Parameters.AddWithValue("$w", wallet);
        insert.Parameters.AddWithValue("$n", -credits);
        insert.Parameters.AddWithValue("$k", key);
        insert.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
        insert.ExecuteNonQuery();
        transaction.Commit();
        return true;
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = Pragmas;
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private static void Prepare(string connectionString)
    {
        using var connection = Open(connectionString);
        using var schema = connection.CreateCommand();
        schema.CommandText = """
            CREATE TABLE wallets (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL CHECK (balance >= 0));
            CREATE TABLE ledger (id INTEGER PRIMARY KEY, wallet_id INTEGER NOT NULL REFERENCES wallets (id),
                credits INTEGER NOT NULL, idempotency_key TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
            """;
        schema.ExecuteNonQuery();
        for (var w = 0; w < DebitWorkload.Wallets; w++)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO wallets (id, balance) VALUES ($w, $b)";
            insert.Parameters.AddWithValue("$w", w);
            insert.Parameters.AddWithValue("$b", DebitWorkload.Granted(w));
            insert.ExecuteNonQuery();
        }
    }

    private static long[] Balances(string connectionString)
    {
        using var connection = Open(connectionString);
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT balance FROM wallets ORDER BY id";
        using var reader = select.ExecuteReader();
        var balances = new List<long>();
        while (reader.Read()) balances.Add(reader.GetInt64(0));
        return [.. balances];
    }
}
