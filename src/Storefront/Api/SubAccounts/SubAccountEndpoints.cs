using Microsoft.AspNetCore.Http.HttpResults;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Plans;
using ResellerKit.Engine.Reports;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;

namespace ResellerKit.Storefront.Api.SubAccounts;

public static class SubAccountEndpoints
{
    public static RouteGroupBuilder MapSubAccounts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sub-accounts").RequireAuthorization(ApiPolicies.Agency).WithTags("Sub-accounts");
        group.MapPost("/", CreateAsync).WithName("CreateSubAccount");
        group.MapGet("/", ListAsync).WithName("ListSubAccounts");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSubAccount");
        group.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateSubAccount");
        group.MapGet("/{id:guid}/balance", BalanceAsync).RequireFeature(Features.ApiAccess).WithName("GetSubAccountBalance");
        return api;
    }

    public static async Task<Results<Created<CreatedSubAccountResponse>, ProblemHttpResult>> CreateAsync(
        CreateSubAccountRequest request, ApiCaller caller, CreateSubAccount handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Agency,
            new CreateSubAccountCommand(request.Name, request.Email, request.CreditMode), caller.Actor, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }
        var s = result.Value.SubAccount;
        return TypedResults.Created($"/api/v1/sub-accounts/{s.Id}", new CreatedSubAccountResponse(
            s.Id, s.Name, s.Email, s.Ownership, s.CreditMode, s.Paused, s.UsageCapPerMonth, s.DebtCredits, s.CreatedAt, result.Value.InitialPassword));
    }

    public static async Task<Results<Ok<Page<SubAccountResponse>>, ProblemHttpResult>> ListAsync(
        int? limit, string? cursor, ApiCaller caller, ListSubAccounts handler, CancellationToken ct)
    {
        var page = PageRequest.Parse(limit, cursor);
        if (!page.IsSuccess)
        {
            return page.Error.ToProblem();
        }
        var subAccounts = await handler.HandleAsync(caller.Agency, page.Value, ct);
        return subAccounts.IsSuccess ? TypedResults.Ok(subAccounts.Value.Map(SubAccountResponse.From)) : subAccounts.Error.ToProblem();
    }

    public static async Task<Results<Ok<SubAccountResponse>, ProblemHttpResult>> GetAsync(
        SubAccountId id, ApiCaller caller, GetSubAccount handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Tenant, id, ct);
        return result.IsSuccess ? TypedResults.Ok(SubAccountResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<SubAccountResponse>, ProblemHttpResult>> UpdateAsync(
        SubAccountId id, UpdateSubAccountRequest request, ApiCaller caller, UpdateSubAccount handler, CancellationToken ct)
    {
        var reports = request.Reports.IsSet
            ? new Optional<ReportMetrics?>(true, (request.Reports.Value ?? []).Aggregate(ReportMetrics.None, (all, m) => all | SubAccountResponse.Metric(m)))
            : default;
        var command = new UpdateSubAccountCommand(
            request.Name, request.CreditMode, request.Paused, request.UsageCapPerMonth, request.AutoRecharge, request.LowBalanceAlert, reports,
            request.PlanId);
        var result = await handler.HandleAsync(caller.Tenant, id, command, caller.Actor, ct);
        return result.IsSuccess ? TypedResults.Ok(SubAccountResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<BalanceResponse>, ProblemHttpResult>> BalanceAsync(
        SubAccountId id, ApiCaller caller, GetBalance handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Tenant, id, callerSeesPool: true, ct);
        return result.IsSuccess ? TypedResults.Ok(BalanceResponse.From(result.Value)) : result.Error.ToProblem();
    }
}
