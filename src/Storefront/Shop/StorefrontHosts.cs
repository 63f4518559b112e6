using System.Net;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// Where storefronts live: each agency on an origin of its own, never the platform's, so that a theme's scripts can
/// reach nothing of the back office. The host comes from <c>ResellerKit:StorefrontBaseUrl</c> (a URL with
/// <c>{slug}</c>); by default it is <c>{slug}.</c> in front of the platform's host name, or <c>{slug}.localhost</c> when the
/// platform is addressed by IP or as localhost (browsers resolve every <c>*.localhost</c> to loopback). An agency's
/// verified custom domain is a storefront host too.
/// </summary>
public sealed class StorefrontHosts(IOptions<ResellerKitOptions> options, PublicUrls urls)
{
    public const string SlugPlaceholder = "{slug}";

    /// <summary>The storefront's address for links, the API's <c>storefrontUrl</c> and emails; ends with a slash.</summary>
    public string Url(Agency agency) => agency.VerifiedDomain is { } domain ? OnDomain(domain) : Url(agency.Slug);

    /// <summary>The storefront's address under the storefront base; ends with a slash.</summary>
    public string Url(string slug) => Template().Replace(SlugPlaceholder, slug, StringComparison.Ordinal) + "/";

    /// <summary>The slug a request's host names under the storefront base (<c>northwind.localhost</c> → <c>northwind</c>), or null.</summary>
    public string? SlugOf(string host)
    {
        var pattern = new Uri(Template().Replace(SlugPlaceholder, "slug-placeholder", StringComparison.Ordinal)).Host;
        var at = pattern.IndexOf("slug-placeholder", StringComparison.Ordinal);
        var (prefix, suffix) = (pattern[..at], pattern[(at + "slug-placeholder".Length)..]);
        if (host.Length <= prefix.Length + suffix.Length
            || !host.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var slug = host[prefix.Length..^suffix.Length].ToLowerInvariant();
        return Input.IsSlug(slug) ? slug : null;
    }

    /// <summary>True when storefronts are served over https (their base's scheme, on custom domains too).</summary>
    public bool IsHttps => new Uri(Template().Replace(SlugPlaceholder, "x", StringComparison.Ordinal)).Scheme == Uri.UriSchemeHttps;

    /// <summary>The address of a storefront on a custom domain, with the scheme and port of the storefront base.</summary>
    public string OnDomain(string domain)
    {
        var template = new Uri(Template().Replace(SlugPlaceholder, "x", StringComparison.Ordinal));
        return $"{template.Scheme}://{domain}{(template.IsDefaultPort ? "" : $":{template.Port}")}/";
    }

    private string Template()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.StorefrontBaseUrl))
        {
            return options.Value.StorefrontBaseUrl.Trim().TrimEnd('/');
        }

        var platform = new Uri(urls.BaseUrl);
        var host = platform.IsLoopback || IPAddress.TryParse(platform.Host.Trim('[', ']'), out _) ? "localhost" : platform.Host;
        return $"{platform.Scheme}://{SlugPlaceholder}.{host}{(platform.IsDefaultPort ? "" : $":{platform.Port}")}";
    }
}
