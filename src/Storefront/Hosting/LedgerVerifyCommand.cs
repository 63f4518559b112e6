using ResellerKit.Engine.Credits;

namespace ResellerKit.Storefront.Hosting;

/// <summary><c>ledger verify</c>: recomputes every balance from the entries; exit code 1 on any broken invariant.</summary>
public sealed class LedgerVerifyCommand : ICommand
{
    public int Tokens => 2;

    public async Task<int> RunAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabasePreparation>().MigrateAsync(CancellationToken.None);
        var report = await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None);

        Console.WriteLine($"ledger verify: {report.Transactions} transactions, {report.Entries} entries, {report.Wallets} wallets");
        foreach (var problem in report.Problems)
        {
            Console.WriteLine($"  BROKEN: {problem}");
        }
        Console.WriteLine(report.IsClean ? "ledger verify: clean" : $"ledger verify: {report.Problems.Count} problem(s) found");
        return report.IsClean ? 0 : 1;
    }
}
