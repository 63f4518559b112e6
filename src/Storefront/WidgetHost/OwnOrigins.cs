using ResellerKit.Engine.Embedding;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>The storefront's own origins (its public URL and the address it serves the request on): always allowed to embed.</summary>
public sealed class OwnOrigins(PublicUrls urls)
{
    public bool Contains(string origin, HttpRequest request) =>
        origin == EmbeddingOrigin.Normalize(urls.BaseUrl)
        || origin == EmbeddingOrigin.Normalize($"{request.Scheme}://{request.Host}");
}
