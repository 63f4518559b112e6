using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Common;
using ResellerKit.Storefront.Branding;
using ResellerKit.Themes.Views;

namespace ResellerKit.Storefront.Email;

/// <summary>
/// An agency and its published theme, as its emails are rendered from them, with the shop as emails show it (its accent
/// worked out from the theme's settings once per brand read, not parsed again for every email).
/// </summary>
public sealed record EmailBrand(Agency Agency, ThemeState Theme, AgencyBrandView Shop)
{
    public static EmailBrand Of(Agency agency, ThemeState theme) => new(agency, theme, BrandViews.Shop(agency, BrandViews.Theme(agency, theme)));
}

/// <summary>
/// Each agency's <see cref="EmailBrand"/>, read once for the emails of a burst (a receipt per paid checkout) rather than
/// once per email. Kept as the storefront's pages are: dropped at once when this node commits a change its storefront
/// shows (<see cref="StorefrontChanges"/>: the agency, its theme files and settings), and trusted on other nodes for the
/// stamps' freshness (<see cref="StorefrontStampReader.Freshness"/>, a second by default).
/// </summary>
public sealed class EmailBrands(TimeProvider clock, StorefrontChanges changes, StorefrontStampReader stamps)
{
    private readonly FreshReads<AgencyId, EmailBrand?> reads = new(clock, changes, maxEntries: 1_000);

    /// <summary>The agency's brand, from <paramref name="load"/> unless a fresh one is kept; null when there is no such agency.</summary>
    public Task<EmailBrand?> GetAsync(AgencyId agencyId, Func<Task<EmailBrand?>> load) => reads.GetAsync(agencyId, stamps.Freshness, load);
}
