using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.Shop;
using ResellerKit.Storefront.Branding;
using ResellerKit.Storefront.Hosting;
using ResellerKit.Themes.Email;
using ResellerKit.Themes.Views;

namespace ResellerKit.Storefront.Email;

/// <summary>Turns an email request into a rendered email, in the agency's branding and theme (or the platform's, for platform mail).</summary>
public sealed class EmailComposer(
    EngineDbContext db, ThemeStore themes, EmailBrands brands, EmailRenderer renderer, PublicUrls urls, StorefrontHosts storefronts, Unsubscribe unsubscribe, IOptions<EmailOptions> options)
{
    public async Task<ComposedEmail> ComposeAsync(EmailRequest request, CancellationToken ct)
    {
        var brand = request.AgencyId is { } id ? await brands.GetAsync(id, () => LoadAsync(id, ct)) : null;
        var agency = brand?.Agency;
        var kind = Enum.Parse<EmailMessageKind>(request.Kind.ToString());
        var unsubscribeUrl = agency is not null && !kind.IsTransactional() ? unsubscribe.UrlFor(agency.Id, request.To) : null;
        var theme = brand is null ? null : BrandViews.Theme(brand.Agency, brand.Theme);
        var shop = brand?.Shop ?? PlatformShop();
        var footer = agency is null
            ? new FooterView(options.Value.FromName, null, null, options.Value.FromAddress, null, null)
            : BrandViews.Footer(agency, unsubscribeUrl);
        var view = new EmailView(shop, footer, request.ToName, request.To,
            request.ActionUrl ?? (request.ActionPath is { } path ? urls.BaseUrl + path : DefaultAction(request.Kind, agency)), request.ExpiresAt, request.Password, request.OtherParty, request.Reason,
            request.PackName, request.Credits, request.Balance, request.Threshold,
            request.AmountMinor is { } amount ? new MoneyView(amount, request.Currency ?? shop.Currency) : null,
            request.Reference, unsubscribeUrl, DebtRepaid: request.DebtRepaid);
        var rendered = await renderer.RenderAsync(theme, kind, view, ct);
        return new ComposedEmail(rendered, agency, shop.SupportEmail, unsubscribeUrl, kind.IsTransactional());
    }

    private async Task<EmailBrand?> LoadAsync(AgencyId id, CancellationToken ct) =>
        await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } agency
            ? EmailBrand.Of(agency, await themes.GetAsync(id, ct))
            : null;

    // Links a message is about when the sender did not give one: where the recipient signs in or sees the account.
    private string? DefaultAction(EmailKind kind, Agency? agency) => (kind, agency) switch
    {
        (_, null) => urls.BaseUrl + "/admin",
        (EmailKind.SubAccountCredentials, _) => storefronts.Url(agency) + "sign-in",
        (EmailKind.PurchaseReceipt or EmailKind.Refund or EmailKind.LowBalance, _) => storefronts.Url(agency) + "account",
        _ => urls.BaseUrl + "/admin",
    };

    private AgencyBrandView PlatformShop() =>
        new(options.Value.FromName, "", null, BrandViews.DefaultColor, options.Value.FromAddress, "en-US", "usd");
}

public sealed record ComposedEmail(RenderedEmail Rendered, Agency? Agency, string? ReplyTo, string? UnsubscribeUrl, bool Transactional);
