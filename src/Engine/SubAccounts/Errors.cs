using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.SubAccounts;

public sealed record AccountPaused(SubAccountId SubAccountId) : Error("account_paused")
{
    public override string Detail => "This sub-account is paused, so it cannot use credits. Its agency can resume it.";
}
