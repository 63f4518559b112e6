using ResellerKit.Storefront.Payments.Stripe;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>Only the sandbox key opens the sandbox API, as only a real key opens Stripe's.</summary>
public sealed class SandboxKeyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        return header == $"Bearer {StripeOptions.SandboxSecretKey}"
            ? await next(context)
            : StripeJson.Error(401, $"Invalid API Key provided. The sandbox accepts only {StripeOptions.SandboxSecretKey}.", type: "invalid_request_error");
    }
}
