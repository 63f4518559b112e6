using System.Text.Encodings.Web;
using ResellerKit.Engine.Purchases;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// Where Stripe sends the buyer back. It shows what is true now (credits added, or on the way) and never grants:
/// only the verified webhook does. While the credits are on the way it refreshes itself.
/// </summary>
public static class CheckoutReturnPages
{
    public static WebApplication MapCheckoutReturn(this WebApplication app)
    {
        app.MapGet("/s/{slug}/checkout/return", ReturnAsync).ExcludeFromDescription();
        app.MapGet("/s/{slug}/checkout/cancel", (string slug) => Page("Checkout cancelled", "<h1>Checkout cancelled</h1><p>You have not been charged.</p>", slug, refresh: false));
        return app;
    }

    public static async Task<IResult> ReturnAsync(string slug, string? session_id, GetCheckoutResult results, CancellationToken ct)
    {
        var result = session_id is null ? null : await results.HandleAsync(session_id, ct);
        if (result is null || !string.Equals(result.Purchase.SubAccount?.Agency?.Slug, slug, StringComparison.Ordinal))
        {
            return Page("Checkout not found", "<h1>We could not find this checkout</h1>", slug, refresh: false, status: 404);
        }
        return result.Purchase.State switch
        {
            PurchaseState.Refunded or PurchaseState.Disputed => Page("Purchase refunded",
                "<h1>This purchase was refunded</h1><p>Its credits were taken back with the money.</p>", slug, refresh: false),
            PurchaseState.Fulfilled => Page("Credits added",
                $"<h1>{result.Purchase.Credits:N0} credits added</h1><p>Your new balance is <strong>{result.NewBalance:N0}</strong> credits.</p>", slug, refresh: false),
            PurchaseState.Pending => Page("Payment received",
                "<h1>Payment received</h1><p role=\"status\">Your credits are on the way. This page updates by itself.</p>", slug, refresh: true),
            _ => Page("Payment not completed",
                $"<h1>This payment did not complete</h1><p>{HtmlEncoder.Default.Encode(result.Purchase.FailureReason ?? "")}</p>", slug, refresh: false),
        };
    }

    private static IResult Page(string title, string body, string slug, bool refresh, int status = 200) => Results.Content($"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        {(refresh ? "<meta http-equiv=\"refresh\" content=\"2\">" : "")}<title>{HtmlEncoder.Default.Encode(title)}</title></head>
        <body><main>{body}<p><a href="/s/{HtmlEncoder.Default.Encode(slug)}/">Back to the shop</a></p></main></body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
