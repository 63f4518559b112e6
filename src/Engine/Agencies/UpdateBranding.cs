using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Pricing;

namespace ResellerKit.Engine.Agencies;

public sealed record BrandingCommand(
    Optional<string?> DisplayName = default, Optional<string?> LogoUrl = default, Optional<string?> PrimaryColor = default,
    Optional<string?> SupportEmail = default, Optional<string?> EmailFooter = default, Optional<string?> PostalAddress = default,
    Optional<string?> Locale = default, Optional<string?> Currency = default, Optional<string?> CustomDomain = default);

/// <summary>Changes how the agency appears on its storefront, in the widget and in every email's footer.</summary>
public sealed partial class UpdateBranding(EngineDbContext db, TimeProvider clock)
{
    public static IReadOnlyList<string> Locales { get; } = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "nl-NL", "it-IT"];

    public async Task<Result<Agency>> HandleAsync(AgencyId agencyId, BrandingCommand command, Actor actor, CancellationToken ct)
    {
        var c = command;
        var errors = new FieldErrors()
            .When(c.LogoUrl.IsSet && c.LogoUrl.Value is { } logo && !IsHttpsUrl(logo), "logoUrl",
                "Enter the logo's full address starting with https:// (emails leave out images that are not served over https).")
            .When(c.PrimaryColor.IsSet && c.PrimaryColor.Value is { } color && !Color().IsMatch(color), "primaryColor", "primaryColor must be a hex colour like #1d4ed8.")
            .When(c.SupportEmail.IsSet && c.SupportEmail.Value is { } email && !Input.IsEmail(email), "supportEmail", "Enter a valid email address.")
            .Text("emailFooter", c.EmailFooter.Value, 2000, multiline: true)
            .Text("postalAddress", c.PostalAddress.Value, 500, multiline: true)
            .When(c.Locale.IsSet && !Locales.Contains(c.Locale.Value ?? ""), "locale", $"locale must be one of: {string.Join(", ", Locales)}.")
            .When(c.Currency.IsSet && !Currencies.IsValid(c.Currency.Value), "currency", Currencies.Message)
            .When(c.CustomDomain.IsSet && c.CustomDomain.Value is { } domain && !IsCustomDomain(domain), "customDomain",
                $"customDomain must be a host name of at most {DomainChallenge.MaxDomainLength} characters (so that its TXT record " +
                $"{DomainChallenge.RecordPrefix}<domain> fits in DNS), such as credits.youragency.com, without a scheme, port or path.");
        if (c.DisplayName is { IsSet: true, Value: { } displayName })
        {
            errors.Name("displayName", displayName, $"Use 1 to {Input.MaxNameLength} characters.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return new NotFound("agency");
        }
        var before = agency.Branding;
        var after = before with
        {
            DisplayName = Trimmed(c.DisplayName.Or(before.DisplayName)),
            LogoUrl = Trimmed(c.LogoUrl.Or(before.LogoUrl)),
            PrimaryColor = c.PrimaryColor.Or(before.PrimaryColor)?.ToLowerInvariant(),
            SupportEmail = c.SupportEmail.IsSet && c.SupportEmail.Value is { } e ? Input.NormalizeEmail(e) : c.SupportEmail.Or(before.SupportEmail),
            EmailFooter = Trimmed(c.EmailFooter.Or(before.EmailFooter)),
            PostalAddress = Trimmed(c.PostalAddress.Or(before.PostalAddress)),
            Locale = c.Locale.Or(before.Locale) ?? before.Locale,
            Currency = c.Currency.Or(before.Currency) ?? before.Currency,
        };
        agency.Rebrand(after);
        if (c.CustomDomain.IsSet)
        {
            var host = c.CustomDomain.Value?.Trim().ToLowerInvariant();
            if (host is not null && await db.Agencies.AnyAsync(a => a.VerifiedDomain == host && a.Id != agencyId, ct))
            {
                return new DuplicateValue("customDomain", $"{host} already serves another agency's storefront.");
            }
            agency.RequestDomain(host, DomainChallenge.NewToken());
        }
        db.AuditEvents.Add(AuditEvent.Record(actor, "agency.branding_updated", agencyId, null, new { before, after }, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return agency;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // https only: email clients drop images served over http, and a storefront on https would block them as mixed content.
    private static bool IsHttpsUrl(string url) =>
        url.Length <= 2048 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;

    private static bool IsCustomDomain(string domain) =>
        domain.Length <= DomainChallenge.MaxDomainLength && HostName().IsMatch(domain.ToLowerInvariant()) && IsValidPunycode(domain);

    // An xn-- label must decode: browsers and ASP.NET Core refuse a host whose punycode does not.
    private static bool IsValidPunycode(string domain)
    {
        try
        {
            _ = new IdnMapping().GetUnicode(domain);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex HostName();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Color();
}
