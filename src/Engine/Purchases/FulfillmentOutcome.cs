namespace ResellerKit.Engine.Purchases;

/// <summary>What a fulfilment attempt found. Only <see cref="Fulfilled"/> granted anything.</summary>
public enum FulfillmentOutcome
{
    Fulfilled,
    AlreadyFulfilled,
    NotPaid,
    UnknownSession,
    AccountMismatch,
    AmountMismatch,
}
