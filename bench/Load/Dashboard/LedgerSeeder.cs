using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ResellerKit.Bench.Load.Dashboard;

/// <summary>
/// Writes a year of usage history into an engine database in one SQLite transaction, as the engine would have posted
/// it: each debit is a Usage transaction with two entries (the sub-account's wallet -n, its Consumed sink +n, so every
/// transaction sums to zero), and the wallets' balances, grant lots and this month's usage counters move by what was
/// used. The rows are generated inside SQLite (INSERT … SELECT over a counter), so seeding takes seconds. The
/// agency's earlier rows (the grants) are moved back to before the history, so that sequence and time stay in step.
/// </summary>
public static class LedgerSeeder
{
    private static readonly DateTimeOffsetToBinaryConverter Time = new();

    public static void Seed(string connectionString, Guid agencyId, int rows)
    {
        SqliteConnection.ClearAllPools(); // the engine's pooled connections let go, so the journal mode can change
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // A rollback journal instead of WAL while seeding: new pages are written once, not to the WAL and then again
        // at the checkpoint. 256 MB of cache keeps the indexes being built in memory. WAL is back before the figure.
        Execute(connection, "PRAGMA journal_mode = DELETE; PRAGMA cache_size = -262144");
        Seed(connection, agencyId, rows);
        Execute(connection, "PRAGMA journal_mode = WAL");
    }

    /// <summary>Seeds over an open connection in whatever journal mode it has, for a database a running app also uses.</summary>
    public static void Seed(SqliteConnection connection, Guid agencyId, int rows)
    {
        using var transaction = connection.BeginTransaction();
        var agency = (string)Scalar(connection, "SELECT AgencyId FROM Wallets LIMIT 1") is var sample && sample == sample.ToUpperInvariant()
            ? agencyId.ToString().ToUpperInvariant() : agencyId.ToString();
        var end = DateTimeOffset.UtcNow.AddMinutes(-5); // older than the rollup's lag, so the rollups can cover it all
        var start = end.AddDays(-365);
        var step = (end - start).Ticks / rows;
        var monthStart = new DateTimeOffset(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var parameters = new (string, object)[]
        {
            ("$a", agency), ("$rows", rows), ("$t0", start.UtcTicks), ("$step", step), ("$base", 0L),
            ("$before", Stamp(start.AddDays(-1))), ("$month", monthStart.Year * 100 + monthStart.Month), ("$monthStart", Stamp(monthStart)),
            ("$wallets", 0L),
        };
        CheckStampFormula(start, step, rows);

        Execute(connection, "UPDATE LedgerTransactions SET CreatedAt = $before WHERE AgencyId = $a", parameters);
        parameters[4] = ("$base", (long)Scalar(connection, "SELECT COALESCE(MAX(Sequence), 0) FROM LedgerTransactions"));
        Execute(connection, """
            CREATE TEMP TABLE seed_wallets AS
            SELECT ROW_NUMBER() OVER (ORDER BY w.SubAccountId) - 1 AS n, w.SubAccountId, w.Id AS Wallet, c.Id AS Consumed
            FROM Wallets w JOIN Wallets c ON c.SubAccountId = w.SubAccountId AND c.Kind = 'Consumed'
            WHERE w.AgencyId = $a AND w.Kind = 'SubAccount'
            """, parameters);
        parameters[^1] = ("$wallets", (long)Scalar(connection, "SELECT COUNT(*) FROM seed_wallets"));
        var indexes = DropIndexes(connection); // a bulk load is faster with the indexes built afterwards, from sorted rows
        Execute(connection, """
            WITH RECURSIVE i(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM i WHERE i + 1 < $rows)
            INSERT INTO LedgerTransactions (Sequence, Id, AgencyId, SubAccountId, Type, Credits, Description, IdempotencyKey, CampaignId, CreatedAt)
            SELECT $base + 1 + i,
                   upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21)),
                   $a, (SELECT SubAccountId FROM seed_wallets WHERE n = i % $wallets), 'Usage', -(1 + i % 7), 'AI replies',
                   printf('seed-%08d', i), 'campaign-' || (i % 8), (($t0 + $step * i) / 1000) << 11
            FROM (SELECT i, hex(randomblob(16)) AS h FROM i)
            """, parameters);
        Execute(connection, """
            INSERT INTO LedgerEntries (TransactionSequence, WalletId, AgencyId, Amount)
            SELECT t.Sequence, CASE leg WHEN 0 THEN w.Wallet ELSE w.Consumed END, $a, CASE leg WHEN 0 THEN t.Credits ELSE -t.Credits END
            FROM LedgerTransactions t JOIN seed_wallets w ON w.SubAccountId = t.SubAccountId
                 CROSS JOIN (SELECT 0 AS leg UNION ALL SELECT 1)
            WHERE t.Sequence > $base
            """, parameters);
        Execute(connection, """
            CREATE TEMP TABLE seed_used AS
            SELECT SubAccountId, -SUM(Credits) AS Used, -SUM(CASE WHEN CreatedAt >= $monthStart THEN Credits ELSE 0 END) AS ThisMonth
            FROM LedgerTransactions WHERE Sequence > $base GROUP BY SubAccountId;
            UPDATE Wallets SET Balance = Balance - (SELECT Used FROM seed_used u WHERE u.SubAccountId = Wallets.SubAccountId)
            WHERE Kind = 'SubAccount' AND SubAccountId IN (SELECT SubAccountId FROM seed_used);
            UPDATE Wallets SET Balance = Balance + (SELECT Used FROM seed_used u WHERE u.SubAccountId = Wallets.SubAccountId)
            WHERE Kind = 'Consumed' AND SubAccountId IN (SELECT SubAccountId FROM seed_used);
            UPDATE CreditLots SET Remaining = Remaining - (SELECT u.Used FROM seed_used u JOIN seed_wallets w USING (SubAccountId) WHERE w.Wallet = CreditLots.WalletId)
            WHERE WalletId IN (SELECT Wallet FROM seed_wallets);
            UPDATE SubAccounts SET UsageMonth = $month, UsageMonthCredits = (SELECT ThisMonth FROM seed_used u WHERE u.SubAccountId = SubAccounts.Id)
            WHERE Id IN (SELECT SubAccountId FROM seed_used);
            DROP TABLE seed_used;
            DROP TABLE seed_wallets;
            """, parameters);
        foreach (var index in indexes) Execute(connection, index);
        transaction.Commit();
    }

    /// <summary>Drops the ledger tables' secondary indexes; returns the statements that create them again.</summary>
    private static List<string> DropIndexes(SqliteConnection connection)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('LedgerTransactions', 'LedgerEntries')";
            using var reader = select.ExecuteReader();
            while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) Execute(connection, $"DROP INDEX \"{name}\"");
        return indexes.Select(i => i.Sql).ToList();
    }

    private static long Stamp(DateTimeOffset at) => (long)Time.ConvertToProvider(at)!;

    /// <summary>The SQL computes CreatedAt as EF's DateTimeOffsetToBinaryConverter does for UTC; checks it agrees.</summary>
    private static void CheckStampFormula(DateTimeOffset start, long step, int rows)
    {
        foreach (var i in new long[] { 0, rows / 2, rows - 1 })
        {
            var ticks = start.UtcTicks + step * i;
            if (Stamp(new DateTimeOffset(ticks, TimeSpan.Zero)) != (ticks / 1000) << 11)
            {
                throw new InvalidOperationException("EF's DateTimeOffset storage changed; update the seeder's CreatedAt formula.");
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal)) command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }

    private static object Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }
}
