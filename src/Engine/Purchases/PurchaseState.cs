namespace ResellerKit.Engine.Purchases;

/// <summary>
/// Pending: checkout opened, not paid (or paid by a delayed method not yet settled). Fulfilled: paid and the credits
/// granted, once. Failed/Expired: never paid. Refunded: some or all of the money went back, and as many credits with
/// it. Disputed: the bank took the money back.
/// </summary>
public enum PurchaseState
{
    Pending,
    Fulfilled,
    Failed,
    Expired,
    Refunded,
    Disputed,
}
