namespace ResellerKit.Engine.Credits;

/// <summary>
/// Where credits can sit. Each agency has an issuance wallet (the platform's side of every grant, the only one that
/// goes negative), a pool, and sinks for expired and refunded credits; each sub-account has its own wallet and a
/// consumed sink that usage lands in.
/// </summary>
public enum WalletKind
{
    Issuance,
    Pool,
    SubAccount,
    Consumed,
    Expired,
    Refunded,
}

public static class WalletKinds
{
    /// <summary>Wallets that receive grants hold them as lots, so that expiry and burn-down order can be honoured.</summary>
    public static bool TracksLots(this WalletKind kind) => kind is WalletKind.Pool or WalletKind.SubAccount;

    public static bool MayGoNegative(this WalletKind kind) => kind is WalletKind.Issuance;
}
