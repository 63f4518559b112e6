namespace ResellerKit.Widget.Data;

/// <summary>
/// Everything the widget needs from the host, which implements it with the Engine. Every call carries the request as
/// the page gave it (agency, client secret, overrides), and the host checks the secret and the embedding origin again
/// on each call: nothing is remembered between calls, and nothing price-related comes from the page.
/// </summary>
public interface IWidgetData
{
    /// <summary>What to show: the brand, the packs that meet the platform floor, and the signed-in client's account.</summary>
    Task<WidgetView> LoadAsync(WidgetRequest request, CancellationToken ct);

    /// <summary>The price of a custom quantity at the agency's per-credit price, priced on the server; null outside the offer.</summary>
    string? QuoteCustom(CustomOffer offer, long credits);

    /// <summary>Starts a checkout for a pack or a custom quantity, priced from the agency's current prices.</summary>
    Task<BuyOutcome> BuyAsync(WidgetRequest request, BuyChoice choice, CancellationToken ct);

    /// <summary>
    /// A checkout this client started, open or already over (the widget then asks <see cref="ProgressAsync"/> where it
    /// stands), or null when it is not this client's.
    /// </summary>
    Task<BuyOutcome?> ResumeAsync(WidgetRequest request, string checkoutId, CancellationToken ct);

    /// <summary>Where a checkout this client started stands.</summary>
    Task<PurchaseProgress> ProgressAsync(WidgetRequest request, string checkoutId, CancellationToken ct);
}
