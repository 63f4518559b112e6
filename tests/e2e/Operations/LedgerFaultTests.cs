using Microsoft.Data.Sqlite;
using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Operations;

/// <summary>
/// Fault injection against the published app: one posting of the demo ledger is deleted behind its back, and the
/// operator's <c>ledger verify</c> exits non-zero, naming the broken invariant and the transaction.
/// </summary>
public sealed class LedgerFaultTests
{
    [Fact]
    public async Task LedgerVerify_WhenOnePostingIsDeleted_ExitsOneNamingTheInvariantTheTransactionAndTheWallet()
    {
        var workDir = StorefrontProcess.NewWorkDir();
        await using (var storefront = await StorefrontProcess.StartAsync(workDir))
        {
            await storefront.StopAsync();
        }
        var clean = await StorefrontProcess.RunCommandAsync(workDir, null, "ledger", "verify");

        long sequence;
        string wallet;
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(workDir, "resellerkit.db")};Pooling=false"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            // The pool's side of the demo's first usage debit disappears, as a lost write would make it.
            command.CommandText = """
                DELETE FROM LedgerEntries WHERE Id = (
                  SELECT e.Id FROM LedgerEntries e JOIN LedgerTransactions t ON t.Sequence = e.TransactionSequence
                  WHERE t.Type = 'Usage' AND e.Amount < 0 ORDER BY e.Id LIMIT 1)
                RETURNING TransactionSequence, WalletId
                """;
            await using var reader = await command.ExecuteReaderAsync(Ct);
            (await reader.ReadAsync(Ct)).ShouldBeTrue("the demo ledger has usage to break");
            sequence = reader.GetInt64(0);
            wallet = reader.GetString(1).ToLowerInvariant();
        }
        var broken = await StorefrontProcess.RunCommandAsync(workDir, null, "ledger", "verify");

        clean.ExitCode.ShouldBe(0, clean.Output);
        broken.ExitCode.ShouldBe(1, broken.Output);
        var output = broken.Output.ToLowerInvariant();
        output.ShouldContain($"broken: balanced-transaction: transaction #{sequence}: 1 entries summing to");
        output.ShouldContain($"broken: balance-equals-entries: wallet {wallet}");
        output.ShouldContain("ledger verify: 2 problem(s) found");
    }
}
