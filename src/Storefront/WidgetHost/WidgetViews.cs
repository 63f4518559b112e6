using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Pricing;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Storefront.Shop;
using ResellerKit.Storefront.Hosting;
using ResellerKit.Themes.Rendering.Filters;
using ResellerKit.Widget.Data;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// Builds what the widget shows from the Engine: the packs that meet the platform floor now (checked at every render),
/// the custom-quantity offer when it meets the floor, and the client's own balance and usage. Money is formatted here,
/// in the resolved locale, never in the page.
/// </summary>
public sealed class WidgetViews(
    EngineDbContext db, ListPacks packs, MinimumPrices minimums, GetBalance balances, WidgetThemes themes, StorefrontHosts storefronts)
{
    private const int RecentUsageLines = 5;

    public async Task<WidgetView> BuildAsync(WidgetAccess access, WidgetRequest request, CancellationToken ct)
    {
        if (access.Agency is not { } agency)
        {
            return WidgetView.Unavailable(access.Notice ?? WidgetGate.NotAllowedHere);
        }
        var culture = WidgetLocale.Resolve(request.Locale, agency.Branding.Locale);
        var storefront = storefronts.Url(agency);
        var offers = (await packs.PurchasableAsync(agency.Id, ct)).Select(p => Offer(p, culture)).ToList();
        return new WidgetView(
            access.Status,
            new BrandView(agency.PublicName, storefront, storefront + "sign-in"),
            await themes.ForAsync(agency, request.Accent, ct),
            offers,
            await CustomAsync(agency, culture, ct),
            access.Client is { } client ? await AccountAsync(agency, client, culture, ct) : null,
            access.Notice);
    }

    private static PackOffer Offer(CreditPack pack, CultureInfo culture) => new(
        pack.Id.ToString(), pack.Name, pack.Credits, NumberFormatter.Format(pack.Credits, culture),
        MoneyFormatter.Format(pack.UnitAmount, pack.Currency, culture),
        MoneyFormatter.FormatFractional(CreditPricing.PerCredit(pack.Credits, pack.UnitAmount), pack.Currency, culture),
        pack.Highlight);

    private async Task<CustomOffer?> CustomAsync(Agency agency, CultureInfo culture, CancellationToken ct)
    {
        var offer = agency.CustomQuantity;
        if (!await minimums.SellsAsync(offer, ct))
        {
            return null;
        }
        return new CustomOffer(offer.Price.Minor, offer.Currency, offer.MinCredits, offer.MaxCredits,
            MoneyFormatter.FormatFractional(offer.Price.Minor, offer.Currency, culture), culture.Name);
    }

    private async Task<AccountView> AccountAsync(Agency agency, SubAccount client, CultureInfo culture, CancellationToken ct)
    {
        // callerSeesPool: false, so a client in shared mode never sees the agency's pool.
        var balance = (await balances.HandleAsync(Tenant.Of(agency.Id), client.Id, callerSeesPool: false, ct)).Value;
        var usage = await db.LedgerTransactions.AsNoTracking()
            .Where(t => t.AgencyId == agency.Id && t.SubAccountId == client.Id && t.Type == TransactionType.Usage)
            .OrderByDescending(t => t.Sequence).Take(RecentUsageLines)
            .Select(t => new { t.CreatedAt, t.Description, t.CampaignId, t.Credits })
            .ToListAsync(ct);
        var reselling = client.CreditMode == CreditMode.Reselling;
        return new AccountView(
            client.Name,
            reselling,
            reselling ? balance.Credits : null,
            reselling && balance.Credits is { } credits ? $"{NumberFormatter.Format(credits, culture)} credits" : null,
            NumberFormatter.Format(balance.UsedThisMonth, culture),
            balance.UsageCapPerMonth is { } cap ? NumberFormatter.Format(cap, culture) : null,
            usage.Select(u => new UsageLine(
                u.CreatedAt.ToString("d", culture),
                u.Description ?? u.CampaignId ?? "Usage",
                NumberFormatter.Format(Math.Abs(u.Credits), culture))).ToList());
    }
}
