using System.Net;
using ResellerKit.Storefront.Shop;

namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// Storefronts run agencies' own theme scripts, so they belong on a site of their own: on the back office's registrable
/// domain (the default, <c>{slug}.{platform host}</c>) a script can still set cookies for the parent domain and the
/// browser treats both as one site for SameSite. The start-up log warns about it outside Development.
/// </summary>
public static class StorefrontSite
{
    public static void WarnIfShared(ILogger logger, PublicUrls urls, StorefrontHosts storefronts)
    {
        var platform = new Uri(urls.BaseUrl).Host;
        var storefront = new Uri(storefronts.Url("slug")).Host;
        if (SharesRegistrableDomain(platform, storefront))
        {
            logger.LogWarning(
                "Storefronts ({Storefront}) share a registrable domain with the back office ({Platform}), and run agencies' own scripts. " +
                "Set ResellerKit:StorefrontBaseUrl to a domain of their own, ideally one on the Public Suffix List (see README, Security).",
                storefront, platform);
        }
    }

    /// <summary>
    /// Whether two hosts are one site. Without the Public Suffix List this is an approximation: one host under the
    /// other, or the same last two labels (three under a two-letter country code whose second label is short, as in
    /// <c>example.co.uk</c>). It may warn about two names under a public suffix such as <c>github.io</c>; it is only a warning.
    /// </summary>
    public static bool SharesRegistrableDomain(string first, string second)
    {
        var (a, b) = (first.TrimEnd('.').ToLowerInvariant(), second.TrimEnd('.').ToLowerInvariant());
        if (a == b || a.EndsWith("." + b, StringComparison.Ordinal) || b.EndsWith("." + a, StringComparison.Ordinal))
        {
            return true;
        }

        return !IsAddress(a) && !IsAddress(b) && RegistrableDomain(a) == RegistrableDomain(b);
    }

    private static bool IsAddress(string host) => IPAddress.TryParse(host.Trim('[', ']'), out _);

    private static string RegistrableDomain(string host)
    {
        var labels = host.Split('.');
        var take = labels.Length >= 3 && labels[^1].Length == 2 && labels[^2].Length <= 3 ? 3 : 2;
        return string.Join('.', labels.TakeLast(take));
    }
}
