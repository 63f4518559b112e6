using Microsoft.Extensions.Options;
using ResellerKit.Storefront.Hosting;
using StripeSdk = Stripe;

namespace ResellerKit.Storefront.Payments.Stripe;

/// <summary>
/// Builds the one kind of <see cref="StripeSdk.StripeClient"/> the app uses. Real Stripe and the sandbox differ only
/// in the key and the API base URL; no static StripeConfiguration is touched.
/// </summary>
public sealed class StripeClients(IOptions<StripeOptions> options, IHttpClientFactory http, PublicUrls urls)
{
    public const string HttpClientName = "stripe";

    public StripeSdk.StripeClient Create()
    {
        var o = options.Value;
        var httpClient = new StripeSdk.SystemNetHttpClient(http.CreateClient(HttpClientName), maxNetworkRetries: 2);
        return o.IsSandbox
            ? new StripeSdk.StripeClient(o.ApiKey, httpClient: httpClient, apiBase: urls.InternalBaseUrl + "/stripe-sandbox")
            : new StripeSdk.StripeClient(o.ApiKey, httpClient: httpClient);
    }
}
