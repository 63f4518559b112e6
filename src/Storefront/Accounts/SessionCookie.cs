namespace ResellerKit.Storefront.Accounts;

/// <summary>One cookie that carries a session, a form token or a choice: its name, and whether it is a <c>__Host-</c> cookie.</summary>
public sealed record SessionCookie(string Name, bool HostPrefixed)
{
    public const string HostPrefix = "__Host-";

    /// <summary><paramref name="name"/> with the <c>__Host-</c> prefix on an https install, as it is on plain http.</summary>
    public static SessionCookie Named(string name, bool https) => https ? new(HostPrefix + name, true) : new(name, false);

    /// <summary>
    /// Names the cookie. A browser keeps a <c>__Host-</c> cookie only when it is Secure, on Path=/ and without Domain,
    /// so a prefixed cookie is always all three, whatever the request's scheme behind a TLS proxy.
    /// </summary>
    public void ApplyTo(CookieBuilder cookie)
    {
        cookie.Name = Name;
        if (HostPrefixed)
        {
            cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Path = "/";
            cookie.Domain = null;
        }
    }
}
