using ResellerKit.Themes.Views;

namespace ResellerKit.Themes.Rendering;

/// <summary>The allow-list: the only .NET types whose members a template can read. Nothing else is reachable.</summary>
public static class ViewModelTypes
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(StorefrontView),
        typeof(AgencyBrandView),
        typeof(PackView),
        typeof(MoneyView),
        typeof(CustomQuantityView),
        typeof(CustomerView),
        typeof(HistoryEntryView),
        typeof(PurchaseView),
        typeof(UrlsView),
        typeof(CsrfView),
        typeof(PageView),
        typeof(EmailView),
        typeof(FooterView),
    ];
}
