namespace ResellerKit.Bench;

/// <summary>
/// An HTTP client for one agency's storefront, which lives on its own host (<c>{slug}.localhost:{port}</c>). .NET does
/// not resolve <c>*.localhost</c>, so the client connects to the Storefront's loopback address and names the host.
/// </summary>
public static class StorefrontClient
{
    public static string Host(string baseUrl, string slug) => $"{slug}.localhost:{new Uri(baseUrl).Port}";

    public static HttpClient For(string baseUrl, string slug) => new()
    {
        BaseAddress = new Uri(baseUrl),
        DefaultRequestHeaders = { Host = Host(baseUrl, slug) },
        Timeout = TimeSpan.FromSeconds(30),
    };
}
