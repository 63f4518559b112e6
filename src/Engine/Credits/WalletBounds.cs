namespace ResellerKit.Engine.Credits;

/// <summary>
/// The guards of a wallet's conditional UPDATEs, in one place for every writer (the ledger writer, the usage hot path,
/// the checkout grant): a withdrawal of <c>amount</c> needs the balance at or above <see cref="Floor"/> (an issuance
/// wallet may go negative, down to minus the largest balance), a deposit needs it at or below <see cref="Ceiling"/>.
/// </summary>
public static class WalletBounds
{
    public static long Floor(WalletKind kind, long amount) => kind.MayGoNegative() ? -Credits.MaxBalance + amount : amount;

    public static long Ceiling(long amount) => Credits.MaxBalance - amount;
}
