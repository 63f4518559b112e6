using ResellerKit.Engine.Purchases;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// A purchase's state as the back office says it. A pending checkout whose payment attempt failed (a declined card)
/// reads "Payment failed" with Stripe's reason: it is not paid, though the client may still pay it until it expires.
/// </summary>
public static class PurchaseWords
{
    public static string State(Purchase purchase) => purchase switch
    {
        { State: PurchaseState.Pending, FailureReason: not null } => "Payment failed",
        _ => purchase.State.ToString(),
    };

    /// <summary>The class that colours the state: a failed attempt is coloured as a failure.</summary>
    public static string CssClass(Purchase purchase) => "state state-" + State(purchase) switch
    {
        "Payment failed" => "failed",
        var words => words.ToLowerInvariant(),
    };
}
