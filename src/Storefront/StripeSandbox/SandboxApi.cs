namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// The Stripe-compatible API under <c>/stripe-sandbox/v1</c>, its hosted pages, and its test helpers. Mapped only in
/// sandbox mode (Development, or <c>Stripe:Mode=Sandbox</c>); it accepts only this install's sandbox key.
/// </summary>
public static class SandboxApi
{
    public static WebApplication MapStripeSandbox(this WebApplication app)
    {
        var sandbox = app.MapGroup("/stripe-sandbox").ExcludeFromDescription().DisableAntiforgery();
        var v1 = sandbox.MapGroup("/v1").AddEndpointFilter<SandboxKeyFilter>();
        v1.MapSandboxAccounts();
        v1.MapSandboxCheckout();
        v1.MapSandboxPayments();
        v1.MapSandboxEvents();
        v1.MapSandboxOutages();
        sandbox.MapSandboxPages();
        return app;
    }

    /// <summary>The connected account a request acts on (Stripe's <c>Stripe-Account</c> header), if any.</summary>
    public static string? Account(this HttpRequest request) =>
        request.Headers.TryGetValue("Stripe-Account", out var account) && account.ToString().Length > 0 ? account.ToString() : null;
}
