using Microsoft.AspNetCore.DataProtection;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>Remembers which workspace (and assist session) the user chose, protected so that it cannot be edited.</summary>
public sealed class WorkspaceCookie(IDataProtectionProvider protection)
{
    public const string Name = "rk.workspace";

    private readonly IDataProtector protector = protection.CreateProtector("ResellerKit.BackOffice.Workspace.v1");

    public (string? Key, Guid? AssistSessionId) Read(HttpContext http)
    {
        try
        {
            var value = http.Request.Cookies[Name] is { } raw ? protector.Unprotect(raw) : null;
            if (value is null) return (null, null);
            var parts = value.Split('|');
            return (parts[0], parts.Length > 1 && Guid.TryParse(parts[1], out var assist) ? assist : null);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return (null, null);
        }
    }

    public void Write(HttpContext http, string key, Guid? assistSessionId = null) =>
        http.Response.Cookies.Append(Name, protector.Protect(assistSessionId is { } a ? $"{key}|{a}" : key), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = "/admin",
        });
}
