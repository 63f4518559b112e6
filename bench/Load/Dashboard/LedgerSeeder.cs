using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ResellerKit.Bench.Load.Dashboard;

/// <summary>
/// Writes a year of usage history into an engine database in one SQLite transaction, as the engine would have posted
/// it: each debit is a Usage transaction with two entries (the sub-account's wallet -n, its Consumed sink +n, so every
/// transaction sums to zero), and the wallets' balances and grant lots are lowered by what was used. The agency's
/// earlier rows (the grants) are moved back to before the history, so that sequence and time stay in step.
/// </summary>
public static class LedgerSeeder
{
    private static readonly DateTimeOffsetToBinaryConverter Time = new();

    public static void Seed(string connectionString, Guid agencyId, int rows)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, "PRAGMA cache_size = -262144"); // 256 MB: the indexes being filled stay in memory
        using var transaction = connection.BeginTransaction();
        var agency = Text(connection, "SELECT AgencyId FROM Wallets LIMIT 1") is { } sample && sample == sample.ToUpperInvariant()
            ? agencyId.ToString().ToUpperInvariant() : agencyId.ToString();
        var wallets = SubAccountWallets(connection, agency);
        var end = DateTimeOffset.UtcNow.AddMinutes(-5); // older than the rollup's lag, so the rollups can cover it all
        var start = end.AddDays(-365);
        Execute(connection, "UPDATE LedgerTransactions SET CreatedAt = $t WHERE AgencyId = $a", ("$t", Stamp(start.AddDays(-1))), ("$a", agency));

        var sequence = (long)Scalar(connection, "SELECT COALESCE(MAX(Sequence), 0) FROM LedgerTransactions");
        using var insertTransaction = Command(connection,
            "INSERT INTO LedgerTransactions (Sequence, Id, AgencyId, SubAccountId, Type, Credits, Description, IdempotencyKey, CampaignId, CreatedAt) " +
            "VALUES ($s, $id, $a, $sub, 'Usage', $c, 'AI replies', $k, $campaign, $t)", "$s", "$id", "$a", "$sub", "$c", "$k", "$campaign", "$t");
        using var insertEntry = Command(connection,
            "INSERT INTO LedgerEntries (TransactionSequence, WalletId, AgencyId, Amount) VALUES ($s, $w, $a, $n)", "$s", "$w", "$a", "$n");
        var used = new long[wallets.Count];
        var usedThisMonth = new long[wallets.Count]; // the sub-accounts' monthly usage counters must agree with the ledger
        var month = MonthOf(DateTimeOffset.UtcNow);
        var step = (end - start).Ticks / rows;
        for (var i = 0; i < rows; i++)
        {
            var (subAccount, wallet, consumed) = wallets[i % wallets.Count];
            var credits = 1 + i % 7;
            var at = start.AddTicks(step * i);
            used[i % wallets.Count] += credits;
            if (MonthOf(at) == month) usedThisMonth[i % wallets.Count] += credits;
            sequence++;
            Run(insertTransaction, sequence, Guid.CreateVersion7().ToString().ToUpperInvariant(), agency, subAccount, -credits,
                $"seed-{i}", $"campaign-{i % 8}", Stamp(at));
            Run(insertEntry, sequence, wallet, agency, -credits);
            Run(insertEntry, sequence, consumed, agency, credits);
        }
        for (var w = 0; w < wallets.Count; w++)
        {
            Execute(connection, "UPDATE Wallets SET Balance = Balance - $n WHERE Id = $w", ("$n", used[w]), ("$w", wallets[w].Wallet));
            Execute(connection, "UPDATE Wallets SET Balance = Balance + $n WHERE Id = $w", ("$n", used[w]), ("$w", wallets[w].Consumed));
            Execute(connection, "UPDATE CreditLots SET Remaining = Remaining - $n WHERE WalletId = $w", ("$n", used[w]), ("$w", wallets[w].Wallet));
            Execute(connection, "UPDATE SubAccounts SET UsageMonth = $m, UsageMonthCredits = $n WHERE Id = $s",
                ("$m", month), ("$n", usedThisMonth[w]), ("$s", wallets[w].SubAccount));
        }
        transaction.Commit();
    }

    private static int MonthOf(DateTimeOffset at) => at.UtcDateTime.Year * 100 + at.UtcDateTime.Month;

    private static long Stamp(DateTimeOffset at) => (long)Time.ConvertToProvider(at)!;

    private static List<(string SubAccount, string Wallet, string Consumed)> SubAccountWallets(SqliteConnection connection, string agency)
    {
        using var select = Command(connection,
            "SELECT w.SubAccountId, w.Id, c.Id FROM Wallets w JOIN Wallets c ON c.SubAccountId = w.SubAccountId AND c.Kind = 'Consumed' " +
            "WHERE w.AgencyId = $a AND w.Kind = 'SubAccount' ORDER BY w.SubAccountId", "$a");
        select.Parameters["$a"].Value = agency;
        using var reader = select.ExecuteReader();
        var wallets = new List<(string, string, string)>();
        while (reader.Read()) wallets.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return wallets.Count > 0 ? wallets : throw new InvalidOperationException("The agency has no sub-account wallets to seed.");
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    private static object Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }

    private static string? Text(SqliteConnection connection, string sql) => Scalar(connection, sql) as string;
}
