namespace ResellerKit.Engine.Credits;

public sealed record LedgerReport(int Transactions, int Entries, int Wallets, IReadOnlyList<string> Problems)
{
    public bool IsClean => Problems.Count == 0;
}
