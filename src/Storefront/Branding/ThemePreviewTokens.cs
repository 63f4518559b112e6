using Microsoft.AspNetCore.DataProtection;
using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Branding;

/// <summary>
/// The theme editor's preview link: a token, protected and time-limited, that lets the storefront's host show one
/// agency's draft. The back-office cookie never reaches a storefront host, so the editor hands the iframe this token
/// instead; it is minted only for a signed-in user of the agency's theme area, and opens nothing but that draft.
/// </summary>
public sealed class ThemePreviewTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("ResellerKit.Themes.DraftPreview.v1").ToTimeLimitedDataProtector();

    public string Issue(AgencyId agencyId) => protector.Protect(agencyId.ToString(), clock.GetUtcNow() + Lifetime);

    /// <summary>True when <paramref name="token"/> is a live preview token of this agency.</summary>
    public bool Opens(string? token, AgencyId agencyId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }
        try
        {
            return protector.Unprotect(token, out var expiresAt) == agencyId.ToString() && expiresAt > clock.GetUtcNow();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
