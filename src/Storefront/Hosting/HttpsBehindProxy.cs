using ResellerKit.Storefront.Accounts;

namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// On an https install (<see cref="SessionCookies.Https"/>), a request that reaches the app over plain http came through
/// the TLS proxy in front of it (the nginx and ingress set-ups in README), whose <c>X-Forwarded-Proto</c> ResellerKit
/// does not read. It is handled as the https request the browser made: antiforgery refuses to issue its Secure
/// <c>__Host-</c> cookie on a plain http request, which would fail every form.
/// </summary>
public sealed class HttpsBehindProxy(RequestDelegate next, SessionCookies cookies)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.IsHttps && cookies.Https)
        {
            context.Request.Scheme = Uri.UriSchemeHttps;
        }

        return next(context);
    }
}
