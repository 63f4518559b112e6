using ResellerKit.Engine.Common;
using ResellerKit.Engine.Plans;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

/// <summary>A sub-account as a usage debit sees it. <see cref="MayNotify"/>: reselling with a low-balance alert or auto-recharge set up.</summary>
public sealed record UsageFacts(
    SubAccountId Id, AgencyId AgencyId, CreditMode Mode, bool Paused, WalletId Wallet, WalletId Consumed, WalletId Pool, Features Features, bool MayNotify)
{
    /// <summary>The shared-mode monthly cap, if any (reselling ignores it).</summary>
    public long? CapPerMonth { get; init; }

    /// <summary>The month (yyyyMM) <see cref="UsageMonthCredits"/> counts.</summary>
    public int UsageMonth { get; init; }

    public long UsageMonthCredits { get; init; }

    /// <summary>The wallet a debit comes out of: the agency's pool in shared mode, the sub-account's own in reselling.</summary>
    public WalletId Source => Mode == CreditMode.Shared ? Pool : Wallet;
}
