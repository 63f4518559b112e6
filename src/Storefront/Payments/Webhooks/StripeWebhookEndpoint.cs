using ResellerKit.Storefront.Payments.Stripe;
using StripeSdk = Stripe;

namespace ResellerKit.Storefront.Payments.Webhooks;

/// <summary>
/// <c>POST /webhooks/stripe</c>, the Connect endpoint. The signature is checked on the raw body (bad or stale: 400);
/// a verified event answers 2xx whether or not its type is handled, and 500 only when handling failed, so that
/// Stripe retries.
/// </summary>
public static class StripeWebhookEndpoint
{
    public const long ToleranceSeconds = 300;

    public static WebApplication MapStripeWebhook(this WebApplication app)
    {
        app.MapPost("/webhooks/stripe", ReceiveAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    public static async Task<IResult> ReceiveAsync(
        HttpRequest request, StripeKeys keys, StripeEventDispatcher dispatcher, TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        var logger = logs.CreateLogger(typeof(StripeWebhookEndpoint));
        if (await keys.WebhookSecretAsync(ct) is not { } secret)
        {
            return Results.Json(new { error = "Payments are switched off on this installation: no Stripe webhook is accepted." }, statusCode: 503);
        }
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(ct);
        StripeSdk.Event stripeEvent;
        try
        {
            stripeEvent = StripeSdk.EventUtility.ConstructEvent(payload, request.Headers["Stripe-Signature"].ToString(),
                secret, ToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeSdk.StripeException e)
        {
            logger.LogWarning("Rejected a Stripe webhook: {Reason}", e.Message);
            return Results.Json(new { error = "The Stripe-Signature header does not match this payload, or is too old." }, statusCode: 400);
        }

        if (stripeEvent.ApiVersion != StripeSdk.StripeConfiguration.ApiVersion)
        {
            // Handling only reads ids and re-fetches objects at our own version, so the event is still processed.
            logger.LogError("Stripe event {EventId} has API version {EventVersion} but Stripe.net pins {PinnedVersion}. " +
                "Create the webhook endpoint with api_version={PinnedVersion} so that payloads match.",
                stripeEvent.Id, stripeEvent.ApiVersion, StripeSdk.StripeConfiguration.ApiVersion, StripeSdk.StripeConfiguration.ApiVersion);
        }
        var outcome = await dispatcher.DispatchAsync(stripeEvent, ct);
        return Results.Json(new { received = true, outcome });
    }
}
