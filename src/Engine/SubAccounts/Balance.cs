namespace ResellerKit.Engine.SubAccounts;

/// <summary>
/// What a sub-account can spend. In shared mode <see cref="Credits"/> is the agency pool, which only the agency may
/// see (it is null for anyone else); <see cref="HeldCredits"/> is what the sub-account's own wallet keeps for when it
/// returns to reselling mode.
/// </summary>
public sealed record Balance(
    CreditMode CreditMode, long? Credits, long HeldCredits, long UsedThisMonth, long? UsageCapPerMonth);
