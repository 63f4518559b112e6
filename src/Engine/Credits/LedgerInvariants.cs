namespace ResellerKit.Engine.Credits;

/// <summary>
/// The names of the invariants <see cref="LedgerVerifier"/> checks. Each problem it reports starts with one, so that
/// an operator (and a test) can tell which rule broke.
/// </summary>
public static class LedgerInvariants
{
    public const string Balanced = "balanced-transaction";
    public const string HasEntries = "transaction-has-entries";
    public const string BalanceIsEntries = "balance-equals-entries";
    public const string NoOverdraft = "no-overdraft";
    public const string LotsAreBalance = "lots-equal-balance";
    public const string LotBounds = "lot-within-bounds";
    public const string EntryTenant = "entry-agency-matches-wallet";
    public const string WalletOwnership = "wallet-ownership";
    public const string UsageCounter = "usage-counter-matches-ledger";
    public const string KeyOnce = "idempotency-key-once";
}
