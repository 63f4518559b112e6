using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Plans;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Storefront.Api.Idempotency;
using ResellerKit.Storefront.Hosting;
using ResellerKit.Storefront.Payments.Checkout;
using ResellerKit.Storefront.Payments.Stripe;

namespace ResellerKit.Storefront.Api.Purchases;

public static class PurchaseEndpoints
{
    public static RouteGroupBuilder MapPurchases(this RouteGroupBuilder api)
    {
        api.MapPost("/sub-accounts/{id:guid}/checkout-sessions", CreateCheckoutAsync)
            .RequireAuthorization(ApiPolicies.Agency).RequireFeature(Features.ApiAccess).WithMetadata(new SelfIdempotent())
            .WithTags("Purchases").WithName("CreateCheckoutSession");
        api.MapGet("/purchases", ListAsync).RequireAuthorization(ApiPolicies.Agency).WithTags("Purchases").WithName("ListPurchases");
        var stripe = api.MapGroup("/agency/stripe").RequireAuthorization(ApiPolicies.Agency).WithTags("Agency");
        stripe.MapGet("/", StatusAsync).WithName("GetPaymentsStatus");
        stripe.MapPost("/onboarding", OnboardingAsync).WithName("StartStripeOnboarding");
        return api;
    }

    public static async Task<Results<Created<CheckoutSessionResponse>, ProblemHttpResult>> CreateCheckoutAsync(
        SubAccountId id, CheckoutSessionRequest request, ApiCaller caller, StartCheckout handler, CheckoutUrls urls, HttpRequest http,
        [FromHeader(Name = IdempotencyFilter.Header)] string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is { Length: > IdempotencyFilter.MaxKeyLength })
        {
            return ValidationFailed.For(IdempotencyFilter.Header, $"Use 1 to {IdempotencyFilter.MaxKeyLength} printable characters.").ToProblem();
        }
        var hash = idempotencyKey is null ? null : await IdempotencyFilter.HashRequestAsync(http);
        var result = await handler.HandleAsync(caller.Tenant, id,
            new CheckoutCommand(request.PackId, request.Credits, request.SuccessUrl, request.CancelUrl, PurchaseOrigin.Api, idempotencyKey, hash),
            await urls.ForAsync(ct), ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }
        var (purchase, session) = result.Value;
        return TypedResults.Created((string?)null,
            new CheckoutSessionResponse(session.Id, session.Url, purchase.Id, purchase.Credits, purchase.Amount, purchase.Currency));
    }

    public static async Task<Results<Ok<Page<PurchaseResponse>>, ProblemHttpResult>> ListAsync(
        string? subAccountId, int? limit, string? cursor, ApiCaller caller, ListPurchases handler, CancellationToken ct)
    {
        var page = PageRequest.Parse(limit, cursor);
        if (!page.IsSuccess)
        {
            return page.Error.ToProblem();
        }
        SubAccountId? filter = null;
        if (subAccountId is not null)
        {
            if (!SubAccountId.TryParse(subAccountId, out var parsed))
            {
                return ValidationFailed.For("subAccountId", "subAccountId must be a sub-account id.").ToProblem();
            }
            filter = parsed;
        }
        var purchases = await handler.HandleAsync(caller.Tenant, filter, page.Value, ct);
        return purchases.IsSuccess ? TypedResults.Ok(purchases.Value.Map(PurchaseResponse.From)) : purchases.Error.ToProblem();
    }

    public static async Task<Results<Ok<PaymentsStatusResponse>, ProblemHttpResult>> StatusAsync(
        ApiCaller caller, ConnectAgencyPayments connect, IOptions<StripeOptions> options, CancellationToken ct)
    {
        var agency = await connect.RefreshAsync(caller.Agency, caller.Actor, ct);
        return agency.IsSuccess
            ? TypedResults.Ok(new PaymentsStatusResponse(agency.Value.StripeAccountId, agency.Value.PaymentsEnabled, options.Value.IsSandbox, options.Value.Mode!.Value))
            : agency.Error.ToProblem();
    }

    public static async Task<Results<Ok<OnboardingLinkResponse>, ProblemHttpResult>> OnboardingAsync(
        ApiCaller caller, ConnectAgencyPayments connect, PublicUrls urls, CancellationToken ct)
    {
        var back = urls.BaseUrl + "/admin/settings";
        var link = await connect.StartOnboardingAsync(caller.Agency, back, back, caller.Actor, ct);
        return link.IsSuccess ? TypedResults.Ok(new OnboardingLinkResponse(link.Value)) : link.Error.ToProblem();
    }
}
