using ResellerKit.Engine.Pricing;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// Buy a pack, or a custom number of credits at the agency's per-credit price. The return URLs are the caller's;
/// the defaults (the storefront's own pages) come from the host.
/// </summary>
public sealed record CheckoutCommand(
    PackId? PackId, long? Credits, string? SuccessUrl, string? CancelUrl, PurchaseOrigin Origin,
    string? RequestKey = null, string? RequestHash = null);

/// <summary>
/// The host's own return pages, used when the caller gives none. <c>{CHECKOUT_SESSION_ID}</c> in the success page is
/// Stripe's placeholder; the cancel page is made per purchase (<see cref="CancelFor"/>), so that it can close the
/// checkout the buyer left, and only that one.
/// </summary>
public sealed record CheckoutReturnUrls(string Success, Func<PurchaseId, string> CancelFor)
{
    /// <summary>The same cancel page for every purchase.</summary>
    public CheckoutReturnUrls(string success, string cancel) : this(success, _ => cancel)
    {
    }
}
