using Microsoft.Extensions.Options;
using ResellerKit.Storefront.Hosting;
using StripeSdk = Stripe;

namespace ResellerKit.Storefront.Payments.Stripe;

/// <summary>
/// Builds the one kind of <see cref="StripeSdk.StripeClient"/> the app uses. Real Stripe and the sandbox differ only
/// in the key and the API base URL; no static StripeConfiguration is touched.
/// </summary>
public sealed class StripeClients(IOptions<StripeOptions> options, StripeKeys keys, IHttpClientFactory http, PublicUrls urls)
{
    public const string HttpClientName = "stripe";

    /// <summary>Stripe.net's own quick retries of a request that failed on the network (with the same idempotency key).</summary>
    public const int MaxNetworkRetries = 2;

    public async ValueTask<StripeSdk.StripeClient> CreateAsync(CancellationToken ct)
    {
        var key = await keys.ApiKeyAsync(ct);
        var httpClient = new StripeSdk.SystemNetHttpClient(http.CreateClient(HttpClientName), maxNetworkRetries: MaxNetworkRetries);
        return options.Value.IsSandbox
            ? new StripeSdk.StripeClient(key, httpClient: httpClient, apiBase: urls.InternalBaseUrl + "/stripe-sandbox")
            : new StripeSdk.StripeClient(key, httpClient: httpClient);
    }
}
