namespace ResellerKit.Themes.Views;

/// <summary>
/// Everything a storefront page may show. Its members are the root variables of every template, snake_cased:
/// <c>shop</c>, <c>packs</c>, <c>custom_quantity</c>, <c>customer</c>, <c>history</c>, <c>purchases</c>, <c>urls</c>,
/// <c>csrf</c>, <c>page</c>. The engine adds <c>settings</c> (the theme's settings, defaults applied) and, in the
/// layout, <c>content_for_layout</c>.
/// </summary>
/// <remarks>
/// Every string here is plain text and is HTML-escaped on output. The only HTML a theme receives is the value of a
/// <c>richtext</c> setting, which <see cref="Settings.RichText"/> sanitised when it was resolved.
/// </remarks>
public sealed record StorefrontView(
    AgencyBrandView Shop,
    IReadOnlyList<PackView> Packs,
    CustomQuantityView? CustomQuantity,
    CustomerView? Customer,
    IReadOnlyList<HistoryEntryView> History,
    IReadOnlyList<PurchaseView> Purchases,
    UrlsView Urls,
    CsrfView Csrf,
    PageView Page);
