namespace ResellerKit.Widget.Data;

/// <summary>A started checkout (its id and URL), or why none was started.</summary>
public sealed record BuyOutcome(string? CheckoutId, string? CheckoutUrl, long Credits, string? Error, WidgetStatus? Status = null)
{
    public bool Started => CheckoutUrl is not null && CheckoutId is not null;

    public static BuyOutcome Failed(string error, WidgetStatus? status = null) => new(null, null, 0, error, status);
}
