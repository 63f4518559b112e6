using Microsoft.AspNetCore.DataProtection;
using ResellerKit.Storefront.Accounts;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// Remembers which workspace (and assist session) the user chose, protected so that it cannot be edited. Its name is
/// <see cref="SessionCookies.Workspace"/>: on an https install a <c>__Host-</c> cookie on Path=/, else on /admin as before.
/// </summary>
public sealed class WorkspaceCookie(IDataProtectionProvider protection, SessionCookies cookies)
{
    private readonly IDataProtector protector = protection.CreateProtector("ResellerKit.BackOffice.Workspace.v1");

    public (string? Key, Guid? AssistSessionId) Read(HttpContext http)
    {
        try
        {
            var value = http.Request.Cookies[cookies.Workspace.Name] is { } raw ? protector.Unprotect(raw) : null;
            if (value is null) return (null, null);
            var parts = value.Split('|');
            return (parts[0], parts.Length > 1 && Guid.TryParse(parts[1], out var assist) ? assist : null);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return (null, null);
        }
    }

    public void Write(HttpContext http, string key, Guid? assistSessionId = null)
    {
        // Built by the one rule every session cookie follows (SessionCookie.ApplyTo): on /admin, or __Host- on Path=/.
        var cookie = new CookieBuilder { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/admin", SecurePolicy = CookieSecurePolicy.SameAsRequest };
        cookies.Workspace.ApplyTo(cookie);
        http.Response.Cookies.Append(cookie.Name!, protector.Protect(assistSessionId is { } a ? $"{key}|{a}" : key), cookie.Build(http));
    }
}
