using Microsoft.AspNetCore.Http.HttpResults;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.OwnershipTransfers;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Storefront.Api.SubAccounts;

namespace ResellerKit.Storefront.Api.OwnershipTransfers;

/// <summary>
/// Ownership that moves: an agency hands a sub-account to its client (the client accepts from an emailed link), and
/// accepts the accounts clients offer it.
/// </summary>
public static class OwnershipTransferEndpoints
{
    public static RouteGroupBuilder MapOwnershipTransfers(this RouteGroupBuilder api)
    {
        var handOver = api.MapGroup("/sub-accounts/{id:guid}/ownership-transfer").RequireAuthorization(ApiPolicies.Agency).WithTags("Ownership transfers");
        handOver.MapPost("/", OfferAsync).WithName("OfferOwnershipToClient")
            .WithSummary("Hand an agency-owned sub-account to its client").ProducesProblem(404).ProducesProblem(409).ProducesProblem(423);
        handOver.MapGet("/", PendingAsync).WithName("GetOwnershipTransfer").WithSummary("The transfer waiting for the client's answer").ProducesProblem(404);
        handOver.MapDelete("/", CancelAsync).WithName("CancelOwnershipTransfer").WithSummary("Cancel a pending transfer").ProducesProblem(404);

        var offers = api.MapGroup("/ownership-transfers").RequireAuthorization(ApiPolicies.Agency).WithTags("Ownership transfers");
        offers.MapGet("/", OffersAsync).WithName("ListOwnershipOffers").WithSummary("Client-owned accounts offered to this agency");
        offers.MapPost("/{transferId:guid}/accept", AcceptAsync).WithName("AcceptOwnershipOffer")
            .WithSummary("Take over a client-owned account offered to this agency").ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(423);
        return api;
    }

    public static async Task<Results<Created<OwnershipTransferResponse>, ProblemHttpResult>> OfferAsync(
        SubAccountId id, ApiCaller caller, HandOverToClient handler, CancellationToken ct)
    {
        var result = await handler.OfferAsync(caller.Agency, id, caller.Actor, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/sub-accounts/{id}/ownership-transfer", OwnershipTransferResponse.From(result.Value))
            : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<OwnershipTransferResponse>, ProblemHttpResult>> PendingAsync(
        SubAccountId id, ApiCaller caller, HandOverToClient handler, CancellationToken ct)
    {
        var pending = await handler.PendingAsync(id, ct);
        return pending is not null && pending.AgencyId == caller.Agency && pending.Direction == TransferDirection.ToClient
            ? TypedResults.Ok(OwnershipTransferResponse.From(pending))
            : new Engine.Common.NotFound("pending ownership transfer").ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(
        SubAccountId id, ApiCaller caller, HandOverToClient handler, CancellationToken ct)
    {
        var result = await handler.CancelAsync(caller.Agency, id, caller.Actor, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    public static async Task<Ok<OwnershipOffersResponse>> OffersAsync(ApiCaller caller, HandOverToAgency handler, CancellationToken ct)
    {
        var offers = await handler.OffersToAsync(caller.Agency, ct);
        return TypedResults.Ok(new OwnershipOffersResponse(offers
            .Select(o => new OwnershipOfferResponse(o.Transfer.Id, o.Transfer.SubAccountId, o.AccountName, o.Transfer.Status, o.Transfer.ExpiresAt)).ToList()));
    }

    public static async Task<Results<Ok<SubAccountResponse>, ProblemHttpResult>> AcceptAsync(
        Guid transferId, ApiCaller caller, HandOverToAgency handler, GetSubAccount subAccounts, CancellationToken ct)
    {
        var result = await handler.AcceptAsync(caller.Agency, transferId, caller.Actor, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }
        var account = await subAccounts.HandleAsync(caller.Tenant, result.Value.SubAccountId, ct);
        return TypedResults.Ok(SubAccountResponse.From(account.Value));
    }
}
