namespace ResellerKit.Widget.Data;

/// <summary>
/// An event for the host page. The loader dispatches it on the element as a <c>CustomEvent</c> named
/// <c>resellerkit:{Type}</c> whose <c>detail</c> is <see cref="Detail"/>.
/// </summary>
public sealed record WidgetEvent(string Type, object Detail)
{
    public const string Ready = "ready";
    public const string PurchaseStarted = "purchase-started";
    public const string PurchaseCompleted = "purchase-completed";
    public const string Error = "error";
}
