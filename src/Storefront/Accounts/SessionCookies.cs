using ResellerKit.Storefront.Hosting;
using ResellerKit.Storefront.Shop;

namespace ResellerKit.Storefront.Accounts;

/// <summary>
/// The names of the cookies that hold a session, a form token or the chosen workspace. By default a storefront is
/// <c>{slug}.{platform host}</c>, the same site as the back office, and it runs the agency's own scripts: a script there
/// may set a cookie for the parent domain (<c>document.cookie = "rk.session=…; domain=platform.example; path=/admin"</c>)
/// that the back office or a sibling storefront would then read (cookie tossing: a session fixed into the attacker's
/// account). A <c>__Host-</c> cookie can only be set by its own host, Secure, on Path=/ and without Domain, so no
/// subdomain can plant one. The prefix needs https, so it is used when the install's public base URL and its storefront
/// base are both https (the storefront base follows the public one unless configured); on plain http (Development, the
/// tests) the names are <c>rk.session</c>, <c>rk.csrf</c>, <c>rk.shop</c>, <c>rk.workspace</c>, <c>rk.2fa</c> and
/// <c>rk.2fa-remember</c>. Anything that
/// reads one of these cookies by name asks here.
/// </summary>
public sealed class SessionCookies
{
    private readonly Lazy<bool> https;

    public SessionCookies(PublicUrls urls, StorefrontHosts storefronts) =>
        // Decided on first use, by a request: the public base URL falls back to the address the server listens on.
        https = new(() => new Uri(urls.BaseUrl).Scheme == Uri.UriSchemeHttps && storefronts.IsHttps);

    /// <summary>True when every page is served over https, so that the cookies carry the <c>__Host-</c> prefix.</summary>
    public bool Https => https.Value;

    /// <summary>The back office's session (Identity's application cookie), on the platform host.</summary>
    public SessionCookie BackOffice => SessionCookie.Named("rk.session", Https);

    /// <summary>A client's storefront session, on the storefront's host (<see cref="ShopSession"/>).</summary>
    public SessionCookie Shop => SessionCookie.Named("rk.shop", Https);

    /// <summary>The antiforgery cookie, on the platform host and on storefront hosts alike.</summary>
    public SessionCookie Antiforgery => SessionCookie.Named("rk.csrf", Https);

    /// <summary>Identity's cookie between the password and the second step of a sign-in, on the platform host.</summary>
    public SessionCookie TwoFactorStep => SessionCookie.Named("rk.2fa", Https);

    /// <summary>Identity's "remember this browser" cookie for the second step, on the platform host.</summary>
    public SessionCookie TwoFactorRemembered => SessionCookie.Named("rk.2fa-remember", Https);

    /// <summary>The back office's chosen workspace (<see cref="BackOffice.WorkspaceCookie"/>).</summary>
    public SessionCookie Workspace => SessionCookie.Named("rk.workspace", Https);
}
