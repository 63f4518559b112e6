using ResellerKit.Engine.Common;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.OwnershipTransfers;

/// <summary>
/// Money an account cannot take with it to another owner, in either direction: a debt from a refund (owed to the agency
/// that sold the credits, and repaid by the account's next purchase or recharge), or a recharge under way (its charge or
/// grant would land at the new owner's wallets, issued by the old one).
/// </summary>
internal static class UnsettledMoney
{
    public static Error? Of(SubAccount account) =>
        account.DebtCredits > 0
            ? new TransferNeedsSettling($"This account owes {account.DebtCredits:N0} credits from a refund. Its next purchase or auto-recharge repays them first; it can move after that.")
            : account.OpenRechargeId is not null
                ? new TransferNeedsSettling("An automatic top-up of this account is under way; try again once it has finished.")
                : null;
}
