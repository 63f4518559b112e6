using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Widget.Data;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>What one widget call may see: the agency (null when unknown or not allowed here) and the signed-in client, if any.</summary>
public sealed record WidgetAccess(WidgetStatus Status, Agency? Agency, SubAccount? Client, string? Notice)
{
    public static WidgetAccess Unavailable(string notice) => new(WidgetStatus.Unavailable, null, null, notice);
}
