using Microsoft.AspNetCore.Mvc;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Plans;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>The platform admin's row actions on agencies: discount, granted features, suspend and reinstate.</summary>
public static class PlatformActions
{
    public static RouteGroupBuilder MapPlatformActions(this RouteGroupBuilder admin)
    {
        admin.MapPost("/platform/agencies/{id:guid}", async (Guid id, [FromForm] decimal discountPercent, [FromForm] Features[]? features,
            BackOfficeContext context, ManageAgencies agencies, CancellationToken ct) =>
        {
            var state = await PlatformAsync(context, ct);
            if (state is null) return Results.Redirect("/admin?notice=not-found");
            // One change: a refused discount leaves the features as they were too.
            var saved = await agencies.SetTermsAsync(
                AgencyId.From(id), discountPercent, (features ?? []).Aggregate(Features.None, (a, f) => a | f), state.Actor, ct);
            var notice = saved.Error switch
            {
                null => "saved",
                ValidationFailed => "discount-range",
                _ => "not-found",
            };
            return Results.Redirect($"/admin?notice={notice}");
        });
        admin.MapPost("/platform/agencies/{id:guid}/suspend", async (Guid id, [FromForm] bool suspended, BackOfficeContext context, ManageAgencies agencies, CancellationToken ct) =>
        {
            var state = await PlatformAsync(context, ct);
            if (state is null) return Results.Redirect("/admin?notice=not-found");
            var result = await agencies.SetSuspendedAsync(AgencyId.From(id), suspended, state.Actor, ct);
            return Results.Redirect($"/admin?notice={(result.IsSuccess ? "saved" : "not-found")}");
        });
        return admin;
    }

    private static async Task<BackOfficeState?> PlatformAsync(BackOfficeContext context, CancellationToken ct)
    {
        var state = await context.LoadAsync(ct);
        return state?.Current?.Kind == WorkspaceKind.Platform ? state : null;
    }
}
