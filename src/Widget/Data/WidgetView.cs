namespace ResellerKit.Widget.Data;

/// <summary>One load of the widget, already priced and formatted for the locale by the host.</summary>
public sealed record WidgetView(
    WidgetStatus Status,
    BrandView Brand,
    ThemeVars Theme,
    IReadOnlyList<PackOffer> Packs,
    CustomOffer? Custom,
    AccountView? Account,
    string? Notice)
{
    public static WidgetView Unavailable(string message) =>
        new(WidgetStatus.Unavailable, new BrandView("", "", ""), ThemeVars.Default, [], null, null, message);
}
