using Microsoft.AspNetCore.Http.HttpResults;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Pricing;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;

namespace ResellerKit.Storefront.Api.Pricing;

public static class PricingEndpoints
{
    public static RouteGroupBuilder MapPricing(this RouteGroupBuilder api)
    {
        var platform = api.MapGroup("/platform/minimum-prices").RequireAuthorization(ApiPolicies.Platform).WithTags("Platform");
        platform.MapPut("/{currency}", SetMinimumAsync).WithName("SetMinimumPrice");
        platform.MapGet("/", ListMinimumsAsync).WithName("ListMinimumPrices");

        var packs = api.MapGroup("/packs").RequireAuthorization(ApiPolicies.Agency).WithTags("Packs");
        packs.MapPost("/", CreateAsync).WithName("CreatePack");
        packs.MapGet("/", ListAsync).WithName("ListPacks");
        packs.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdatePack");
        packs.MapDelete("/{id:guid}", ArchiveAsync).WithName("ArchivePack");

        api.MapPut("/agency/custom-quantity", SetCustomQuantityAsync)
            .RequireAuthorization(ApiPolicies.Agency).WithTags("Packs").WithName("SetCustomQuantityOffer");
        return api;
    }

    public static async Task<Results<Ok<MinimumPriceResponse>, ProblemHttpResult>> SetMinimumAsync(
        string currency, MinimumPriceRequest request, SetMinimumPrice handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(currency, request.UnitAmountPerCredit, request.PlatformFeePerCredit, ct);
        return result.IsSuccess ? TypedResults.Ok(MinimumPriceResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Ok<Page<MinimumPriceResponse>>> ListMinimumsAsync(MinimumPrices minimums, CancellationToken ct) =>
        TypedResults.Ok(new Page<MinimumPriceResponse>((await minimums.AllAsync(ct)).Values.OrderBy(m => m.Currency).Select(MinimumPriceResponse.From).ToList(), null));

    public static async Task<Results<Created<PackResponse>, ProblemHttpResult>> CreateAsync(
        PackRequest request, ApiCaller caller, CreatePack handler, MinimumPrices minimums, ListPacks packs, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Agency, request.ToCommand(), caller.Actor, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }
        var summary = (await packs.HandleAsync(caller.Agency, ct)).Single(s => s.Pack.Id == result.Value.Id);
        return TypedResults.Created($"/api/v1/packs/{result.Value.Id}", PackResponse.From(summary));
    }

    public static async Task<Ok<Page<PackResponse>>> ListAsync(ApiCaller caller, ListPacks handler, CancellationToken ct) =>
        TypedResults.Ok(new Page<PackResponse>((await handler.HandleAsync(caller.Agency, ct)).Select(PackResponse.From).ToList(), null));

    public static async Task<Results<Ok<PackResponse>, ProblemHttpResult>> UpdateAsync(
        PackId id, PackRequest request, ApiCaller caller, UpdatePack handler, ListPacks packs, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Agency, id, request.ToCommand(), caller.Actor, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }
        return TypedResults.Ok(PackResponse.From((await packs.HandleAsync(caller.Agency, ct)).Single(s => s.Pack.Id == id)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ArchiveAsync(PackId id, ApiCaller caller, UpdatePack handler, CancellationToken ct)
    {
        var result = await handler.ArchiveAsync(caller.Agency, id, caller.Actor, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<CustomQuantityResponse>, ProblemHttpResult>> SetCustomQuantityAsync(
        CustomQuantityRequest request, ApiCaller caller, SetCustomQuantityOffer handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Agency, request.PricePerCredit, request.Currency, request.MinCredits, request.MaxCredits, caller.Actor, ct);
        return result.IsSuccess
            ? TypedResults.Ok(new CustomQuantityResponse(result.Value.Enabled, result.Value.PricePerCredit is null ? null : result.Value.Price.ToString(),
                result.Value.Currency, result.Value.MinCredits, result.Value.MaxCredits))
            : result.Error.ToProblem();
    }
}
