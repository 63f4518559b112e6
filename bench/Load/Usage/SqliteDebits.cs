using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ResellerKit.Bench.Load.Usage;

/// <summary>
/// The P1 and P1b baselines: a raw Microsoft.Data.Sqlite loop, the same debits as the HTTP side, each a conditional
/// <c>UPDATE wallets SET balance = balance - n WHERE balance &gt;= n</c> and an INSERT of its ledger row (with its
/// idempotency key, unique), with the Storefront's pragmas (WAL, synchronous=FULL, busy timeout, foreign keys). P1 commits
/// every debit alone (<c>batch</c> 1, 64 clients); P1b commits each client's batch of events as one transaction, as the
/// batch route's caller sends them. One thread with a connection per client, so no thread pool or scheduler stands in its way.
/// </summary>
public static class SqliteDebits
{
    // The Storefront's own pragmas, as src/Engine/Persistence/SqlitePragmas.cs sets them on every connection.
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;";

    public static async Task<(DebitTally Tally, int Overdrafts)> RunAsync(string folder, TimeSpan warmUp, TimeSpan duration) =>
        await RunAsync(folder, warmUp, duration, DebitWorkload.Clients, 1, (client, _) => DebitWorkload.WalletOf(client));

    /// <summary>Client c applies <paramref name="batch"/> debits per transaction, event n on wallet <paramref name="walletOf"/>(c, n).</summary>
    public static async Task<(DebitTally Tally, int Overdrafts)> RunAsync(
        string folder, TimeSpan warmUp, TimeSpan duration, int clients, int batch, Func<int, long, int> walletOf)
    {
        var connectionString = $"Data Source={Path.Combine(folder, $"baseline-{batch}.db")};Pooling=False";
        Prepare(connectionString);
        var tally = new DebitTally();
        var stop = false;
        var threads = Enumerable.Range(0, clients).Select(client => new Thread(() =>
        {
            using var connection = Open(connectionString);
            for (long n = 0; !Volatile.Read(ref stop); n += batch)
            {
                var started = Stopwatch.GetTimestamp();
                using var transaction = connection.BeginTransaction(); // BEGIN IMMEDIATE, as EF Core's SQLite provider does
                var debited = new List<(int Wallet, long Credits)>();
                for (var e = n; e < n + batch; e++)
                {
                    var (wallet, credits) = (walletOf(client, e), DebitWorkload.CreditsOf(client, e));
                    if (Debit(connection, transaction, wallet, credits, $"c{client}-{e}")) debited.Add((wallet, credits));
                }
                if (debited.Count == 0) transaction.Rollback(); // P1's refused debit, as before
                else transaction.Commit();
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                debited.ForEach(d => tally.Debited(d.Wallet, d.Credits, ms));
                for (var refused = debited.Count; refused < batch; refused++) tally.Refusal(ms);
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

    // With a batch of one this is exactly P1's transaction: a refused debit writes nothing and its COMMIT is empty.
    private static bool Debit(SqliteConnection connection, SqliteTransaction transaction, int wallet, long credits, string key)
    {
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE wallets SET balance = balance - $n WHERE id = $w AND balance >= $n";
        update.Parameters.AddWithValue("$n", credits);
        update.Parameters.AddWithValue("$w", wallet);
        if (update.ExecuteNonQuery() == 0)
        {
            return false;
        }
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO ledger (wallet_id, credits, idempotency_key, created_at) VALUES ($w, $n, $k, $t)";
        insert.Parameters.AddWithValue("$w", wallet);
        insert.Parameters.AddWithValue("$n", -credits);
        insert.Parameters.AddWithValue("$k", key);
        insert.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
        insert.ExecuteNonQuery();
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
