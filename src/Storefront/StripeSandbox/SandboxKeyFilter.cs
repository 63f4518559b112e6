using System.Security.Cryptography;
using System.Text;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// Only this install's sandbox key (<see cref="SandboxSecrets"/>, printed in the banner) opens the sandbox API, as only
/// a real key opens Stripe's. A key read in the source or in another install's banner opens nothing.
/// </summary>
public sealed class SandboxKeyFilter(SandboxSecrets secrets) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var expected = "Bearer " + await secrets.ApiKeyAsync(context.HttpContext.RequestAborted);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(expected))
            ? await next(context)
            : StripeJson.Error(401, "Invalid API Key provided. Use this install's sandbox key, printed when it starts (sk_test_…).", type: "invalid_request_error");
    }
}
