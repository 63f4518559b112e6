using ResellerKit.Engine.Common;
using ResellerKit.Engine.Recharges;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// A payment that granted credits and can go back: a checkout's purchase, or a Stripe auto-recharge charged off-session
/// (kept on its recharge). Exactly one of <see cref="PurchaseId"/> and <see cref="RechargeId"/> is set. The agency is
/// the one that sold the credits and was paid, whoever owns the account today. <see cref="Grant"/> is the ledger
/// transaction that granted its credits, whose lot a reversal takes back first.
/// </summary>
internal sealed record PaidCharge(
    PurchaseId? PurchaseId, RechargeId? RechargeId, AgencyId AgencyId, SubAccount SubAccount, long Amount, long Credits,
    long CreditsReversed, long AmountReversed, string Description, string Currency, TransactionId? Grant);
