using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Storefront.Api.Agencies;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Storefront.Branding;
using ResellerKit.Storefront.Hosting;
using ResellerKit.Storefront.Shop;
using ResellerKit.Themes.Email;

namespace ResellerKit.Storefront.Api.Branding;

public static class BrandingEndpoints
{
    public static RouteGroupBuilder MapBranding(this RouteGroupBuilder api)
    {
        api.MapPatch("/agency", UpdateAsync).RequireAuthorization(ApiPolicies.Agency).WithTags("Agency").WithName("UpdateAgencyBranding");
        api.MapPost("/agency/custom-domain/verify", VerifyDomainAsync).RequireAuthorization(ApiPolicies.Agency).WithTags("Agency")
            .WithName("VerifyCustomDomain").WithSummary("Verify the custom domain's DNS TXT record")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/email-footer", FooterAsync).RequireAuthorization(ApiPolicies.Agency).WithTags("Agency").WithName("GetEmailFooter");
        return api;
    }

    public static async Task<Results<Ok<AgencyResponse>, ProblemHttpResult>> UpdateAsync(
        BrandingRequest request, ApiCaller caller, UpdateBranding handler, GetAgencySummary summaries, StorefrontHosts storefronts, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Agency, request.ToCommand(), caller.Actor, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }
        var summary = await summaries.HandleAsync(caller.Agency, ct);
        return TypedResults.Ok(AgencyResponse.From(summary.Value, storefronts.Url(summary.Value.Agency)));
    }

    /// <summary>Looks up the TXT record of the requested custom domain; once found, the domain serves the storefront.</summary>
    public static async Task<Results<Ok<AgencyResponse>, ProblemHttpResult>> VerifyDomainAsync(
        ApiCaller caller, VerifyCustomDomain handler, GetAgencySummary summaries, StorefrontHosts storefronts, CancellationToken ct)
    {
        var result = await handler.HandleAsync(caller.Agency, caller.Actor, ct);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }
        var summary = await summaries.HandleAsync(caller.Agency, ct);
        return TypedResults.Ok(AgencyResponse.From(summary.Value, storefronts.Url(summary.Value.Agency)));
    }

    /// <summary>The same branded footer every ResellerKit email ends with, for the host SaaS's own emails.</summary>
    public static async Task<Results<Ok<EmailFooterResponse>, ProblemHttpResult>> FooterAsync(
        string? subAccountId, ApiCaller caller, EngineDbContext db, CancellationToken ct)
    {
        if (subAccountId is not null)
        {
            if (!SubAccountId.TryParse(subAccountId, out var id)
                || !await db.SubAccounts.WithSpecification(new SubAccountByIdSpec(caller.Tenant, id)).AnyAsync(ct))
            {
                return new Engine.Common.NotFound("sub-account").ToProblem();
            }
        }
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == caller.Agency, ct);
        var footer = EmailFooter.Render(BrandViews.Footer(agency));
        return TypedResults.Ok(new EmailFooterResponse(footer.Html, footer.Text));
    }
}
