using Microsoft.AspNetCore.DataProtection;
using ResellerKit.Engine.Common;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.Email;

/// <summary>Signed unsubscribe links: the token names the agency and the address, and cannot be forged or altered.</summary>
public sealed class Unsubscribe(IDataProtectionProvider protection, PublicUrls urls)
{
    private readonly IDataProtector protector = protection.CreateProtector("ResellerKit.Email.Unsubscribe.v1");

    public string UrlFor(AgencyId agencyId, string email) =>
        $"{urls.BaseUrl}/email/unsubscribe?token={Uri.EscapeDataString(protector.Protect($"{agencyId}|{Input.NormalizeEmail(email)}"))}";

    public bool TryRead(string? token, out AgencyId agencyId, out string email)
    {
        agencyId = default;
        email = "";
        try
        {
            var parts = protector.Unprotect(token ?? "").Split('|', 2);
            if (parts.Length == 2 && AgencyId.TryParse(parts[0], out agencyId))
            {
                email = parts[1];
                return true;
            }
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
        }
        return false;
    }
}
