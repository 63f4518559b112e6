namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// URLs on their way into a response header (<c>Location</c>, <c>Link</c>). A header carries ASCII only, and Kestrel
/// refuses the whole response (a 500) for one with a non-ASCII or control character, such as an agency's logo at
/// <c>https://cdn.example.com/logó.png</c>; so a URL goes out in its escaped form, with an internationalised host as
/// punycode.
/// </summary>
public static class HeaderUrls
{
    /// <summary>The escaped form of an absolute URL, or null when <paramref name="url"/> is not one.</summary>
    public static string? Escaped(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var ascii = uri.Host == uri.IdnHost ? uri : new UriBuilder(uri) { Host = uri.IdnHost }.Uri;
        return ascii.AbsoluteUri;
    }
}
