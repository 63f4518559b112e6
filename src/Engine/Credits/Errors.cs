using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

public sealed record InsufficientCredits(long Requested, long Available) : Error("insufficient_credits")
{
    public override string Detail => $"{Requested} credits were requested but only {Available} are available.";
}

public sealed record UsageCapReached(long CapPerMonth, long UsedThisMonth, long Requested) : Error("insufficient_credits")
{
    public override string Detail =>
        $"This sub-account's monthly usage cap is {CapPerMonth} credits; {UsedThisMonth} are used this month, so {Requested} more would exceed it.";
}

public sealed record BalanceLimitReached(long Limit) : Error("conflict")
{
    public override string Detail => $"A wallet may hold at most {Limit} credits.";
}

public sealed record SharedModeHasNoWallet() : Error("conflict")
{
    public override string Detail =>
        "This sub-account draws on the agency's shared pool, so it has no balance of its own to grant to. " +
        "Grant credits to the pool, or switch the sub-account to reselling mode.";
}
