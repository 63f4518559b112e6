using ResellerKit.Storefront.Shop;

namespace ResellerKit.Storefront.Hosting;

/// <summary>What a newcomer needs after <c>dotnet run</c>: where everything is, and the keys and logins to use.</summary>
public static class Banner
{
    public static IEnumerable<string> Lines(
        PublicUrls urls, StorefrontHosts storefronts, string? generatedPlatformKey, DemoCredentials? demo, string? mailFolder,
        Payments.PaymentsBanner payments)
    {
        var b = urls.BaseUrl;
        yield return "";
        yield return "──────────────────────────────────────────────────────────────────────";
        yield return $" ResellerKit is running at {b}";
        yield return $"   API reference    {b}/scalar/";
        yield return $"   OpenAPI          {b}/openapi/v1.json";
        yield return $"   Ready check      {b}/readyz";
        foreach (var line in payments.Lines(b))
        {
            yield return line;
        }
        if (mailFolder is not null)
        {
            yield return $"   Email            written to {mailFolder}";
        }
        if (generatedPlatformKey is not null)
        {
            yield return $"   Platform API key {generatedPlatformKey}   (shown once; configure ResellerKit:PlatformApiKey to choose your own)";
        }
        if (demo is not null)
        {
            foreach (var line in demo.Lines(storefronts.Url(demo.Slug)))
            {
                yield return line;
            }
        }
        yield return "──────────────────────────────────────────────────────────────────────";
    }
}
