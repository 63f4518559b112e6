using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Plans;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Storefront.Api.Idempotency;
using ResellerKit.Storefront.Reports;

namespace ResellerKit.Storefront.Api.Ledger;

public static class LedgerEndpoints
{
    public static RouteGroupBuilder MapLedger(this RouteGroupBuilder api)
    {
        api.MapPost("/agencies/{agencyId:guid}/grants", GrantPoolAsync)
            .RequireAuthorization(ApiPolicies.Platform).WithTags("Platform").WithName("GrantPoolCredits");
        api.MapPost("/sub-accounts/{id:guid}/grants", GrantSubAccountAsync)
            .RequireAuthorization(ApiPolicies.Agency).RequireFeature(Features.ApiAccess).WithTags("Credits").WithName("GrantSubAccountCredits");
        api.MapUsage();
        api.MapGet("/transactions", ListAsync)
            .RequireAuthorization(ApiPolicies.Agency).WithTags("Credits").WithName("ListTransactions");
        api.MapGet("/transactions.csv", ExportAsync)
            .RequireAuthorization(ApiPolicies.Agency).WithTags("Credits").WithName("ExportTransactionsCsv");
        return api;
    }

    public static async Task<Results<Created<GrantResponse>, ProblemHttpResult>> GrantPoolAsync(
        AgencyId agencyId, GrantRequest request, ApiCaller caller, GrantPoolCredits handler,
        [FromHeader(Name = IdempotencyFilter.Header)] string? idempotencyKey, CancellationToken ct)
    {
        var result = await handler.HandleAsync(agencyId, request.ToCommand(), caller.Actor, idempotencyKey, ct);
        return result.IsSuccess
            ? TypedResults.Created((string?)null, new GrantResponse(result.Value.TransactionId, result.Value.Balance))
            : result.Error.ToProblem();
    }

    public static async Task<Results<Created<GrantResponse>, ProblemHttpResult>> GrantSubAccountAsync(
        SubAccountId id, GrantRequest request, ApiCaller caller, GrantSubAccountCredits handler,
        [FromHeader(Name = IdempotencyFilter.Header)] string? idempotencyKey, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Tenant, id, request.ToCommand(), caller.Actor, idempotencyKey, ct);
        return result.IsSuccess
            ? TypedResults.Created((string?)null, new GrantResponse(result.Value.TransactionId, result.Value.Balance))
            : result.Error.ToProblem();
    }

    /// <summary>The same filters as the list, as a CSV file that streams (with a header row).</summary>
    public static async Task<Results<TransactionCsv, ProblemHttpResult>> ExportAsync(
        [AsParameters] TransactionQuery query, ApiCaller caller, ExportTransactions export, CancellationToken ct)
    {
        var filter = query.ToFilter();
        if (!filter.IsSuccess)
        {
            return filter.Error.ToProblem();
        }
        return await export.CheckAsync(caller.Agency, filter.Value, ct) is { } invalid
            ? invalid.ToProblem()
            : new TransactionCsv(export.StreamAsync(caller.Agency, filter.Value), "transactions.csv");
    }

    public static async Task<Results<Ok<Page<TransactionResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] TransactionQuery query, ApiCaller caller, ListTransactions handler, CancellationToken ct)
    {
        var page = PageRequest.Parse(query.Limit, query.Cursor);
        var filter = query.ToFilter();
        if (!page.IsSuccess || !filter.IsSuccess)
        {
            return (page.Error ?? filter.Error!).ToProblem();
        }
        var result = await handler.HandleAsync(caller.Agency, filter.Value, page.Value, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value.Map(TransactionResponse.From)) : result.Error.ToProblem();
    }
}
