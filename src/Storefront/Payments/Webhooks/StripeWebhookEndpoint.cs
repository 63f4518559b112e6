using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Storefront.Api.Idempotency;
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
            return Problems.Create(503, "payments_unavailable", "Payments are switched off on this installation: no Stripe webhook is accepted.").AsResult();
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
            return Problems.Create(400, "validation_failed", "The Stripe-Signature header does not match this payload, or is too old.").AsResult();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or Newtonsoft.Json.JsonException)
        {
            // Signed with the webhook secret, so only someone holding it: still an answer, not a 500 that Stripe would retry.
            logger.LogWarning("Rejected a signed Stripe webhook whose body is not a Stripe event");
            return Problems.Create(400, "validation_failed", "The body is not a Stripe event.").AsResult();
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
