namespace ResellerKit.Bench.Load.Usage;

/// <summary>
/// The shape of figure P1, the same for ResellerKit and the baseline: 64 clients debiting 16 wallets, 1-5 credits at a
/// time. Two wallets are scarce and run dry early, so that refusals (and any overdraft) happen under full concurrency.
/// </summary>
public static class DebitWorkload
{
    public const int Clients = 64;
    public const int Wallets = 16;
    public const long FundedCredits = 100_000_000;
    public const long ScarceCredits = 2_000;

    public static long Granted(int wallet) => wallet < 2 ? ScarceCredits : FundedCredits;

    /// <summary>Client c debits wallet c % 16; its n-th debit takes 1-5 credits, the same sequence on both sides.</summary>
    public static int WalletOf(int client) => client % Wallets;

    public static long CreditsOf(int client, long n) => 1 + (client * 7 + n * 3) % 5;
}
