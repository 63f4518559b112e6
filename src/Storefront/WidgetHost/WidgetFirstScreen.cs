using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Widget.Data;

namespace ResellerKit.Storefront.WidgetHost;

/// <summary>
/// The widget before its circuit is live. widget.js posts the element's attributes to <c>POST /widget/screen?agency=</c> as soon
/// as it runs and shows the HTML it gets: the agency's packs, the client's balance and Buy buttons that already work.
/// A click there posts to <c>POST /widget/checkout</c>, which starts the checkout exactly as the live widget does and
/// answers the <c>purchase-started</c> detail and the screen with that checkout open; the live widget then takes the
/// checkout over (<see cref="Widget.Components.CreditsWidget.Checkout"/>). Both are form posts (no preflight) behind
/// <see cref="WidgetOriginGate"/> and <see cref="WidgetGate"/>, like the hub: only the agency's allowed origins, and
/// the client secret checked on each call.
/// </summary>
public static class WidgetFirstScreen
{
    public const string ScreenPath = "/widget/screen";
    public const string CheckoutPath = "/widget/checkout";
    private const long MaxBody = 8 * 1024;

    public static bool Serves(PathString path) => path == ScreenPath || path == CheckoutPath;

    public static WebApplication MapWidgetFirstScreen(this WebApplication app)
    {
        app.MapPost(ScreenPath, ScreenAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(CheckoutPath, CheckoutAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> ScreenAsync(HttpContext context, WidgetScreen screen, CancellationToken ct)
    {
        if (await FormAsync(context, ct) is not { } form)
        {
            return TypedResults.Problem(NotAFormProblem(context));
        }
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(await screen.RenderAsync(WidgetCaller.From(context.User), RequestOf(context.Request, form)), "text/html; charset=utf-8");
    }

    public static async Task<Results<Ok<WidgetCheckoutAnswer>, ProblemHttpResult>> CheckoutAsync(
        HttpContext context, WidgetScreen screen, IWidgetData data, CancellationToken ct)
    {
        if (await FormAsync(context, ct) is not { } form)
        {
            return TypedResults.Problem(NotAFormProblem(context));
        }
        var request = RequestOf(context.Request, form);
        var choice = form["pack"] is [{ Length: > 0 and <= 64 } pack]
            ? new BuyChoice(pack, null)
            : long.TryParse(form["credits"], NumberStyles.None, CultureInfo.InvariantCulture, out var credits) && credits > 0
                ? new BuyChoice(null, credits)
                : null;
        if (choice is null)
        {
            return TypedResults.Problem(Problems.Create(400, "validation_failed", "Choose a pack or a number of credits to buy."));
        }
        var caller = WidgetCaller.From(context.User);
        screen.Act(caller);
        var outcome = await data.BuyAsync(request, choice, ct);
        if (!outcome.Started)
        {
            return TypedResults.Problem(Problems.Create(422, "checkout_failed", outcome.Error ?? "The checkout could not be started."));
        }
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new WidgetCheckoutAnswer(
            new PurchaseStartedDetail(outcome.CheckoutId!, outcome.CheckoutUrl!, outcome.Credits, choice.PackId),
            await screen.RenderAsync(caller, request, outcome.CheckoutId)));
    }

    // The element's attributes, as widget.js names them; the agency in the query, as for the hub (WidgetOriginGate).
    private static WidgetRequest RequestOf(HttpRequest http, IFormCollection form) => new(
        http.Query["agency"].ToString(), NullIfEmpty(form["client-secret"]), NullIfEmpty(form["locale"]), NullIfEmpty(form["accent"]));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // A form of at most MaxBody bytes, whether its length is declared or the body is sent in chunks; null otherwise.
    private static async Task<IFormCollection?> FormAsync(HttpContext context, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType || context.Request.ContentLength > MaxBody)
        {
            return null;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBody;
        }
        // The element has a handful of short attributes: a few fields, none longer than the whole body may be.
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
        {
            ValueCountLimit = 16, ValueLengthLimit = (int)MaxBody, KeyLengthLimit = 64, MultipartBodyLengthLimit = MaxBody,
        }));
        try
        {
            return await context.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return null; // Larger than MaxBody once read.
        }
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails NotAFormProblem(HttpContext context) =>
        context.Request.HasFormContentType
            ? Problems.Create(413, "payload_too_large", "The widget's request is larger than it can be.")
            : Problems.Create(415, "unsupported_media_type", "The widget posts a form (application/x-www-form-urlencoded).");
}

/// <summary>A checkout started from the first screen: the <c>resellerkit:purchase-started</c> detail, and the screen with it open.</summary>
public sealed record WidgetCheckoutAnswer(PurchaseStartedDetail Started, string Html);
