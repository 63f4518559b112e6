namespace ResellerKit.Bench.Load.Usage;

/// <summary>
/// The shape of figure P1b, the same for ResellerKit and its baseline: 8 clients each sending batches of 100 usage events
/// spread over the 16 wallets of <see cref="DebitWorkload"/> (same grants, same 1-5 credits per event).
/// </summary>
public static class BatchWorkload
{
    public const int Clients = 8;
    public const int Size = 100;

    public static int WalletOf(int client, long n) => (int)((client * Size + n) % DebitWorkload.Wallets);
}
