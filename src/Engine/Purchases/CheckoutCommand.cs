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
/// The host's own return pages, used when the caller gives none. <c>{CHECKOUT_SESSION_ID}</c> is Stripe's placeholder;
/// <see cref="PurchaseIdPlaceholder"/> in the cancel page is ours, so that page can close the checkout the buyer left.
/// </summary>
public sealed record CheckoutReturnUrls(string Success, string Cancel)
{
    public const string PurchaseIdPlaceholder = "{PURCHASE_ID}";

    public string CancelFor(PurchaseId purchase) => Cancel.Replace(PurchaseIdPlaceholder, purchase.Value.ToString(), StringComparison.Ordinal);
}
