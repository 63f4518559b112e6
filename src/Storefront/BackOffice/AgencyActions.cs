using Microsoft.AspNetCore.Mvc;
using ResellerKit.Engine.Assist;
using ResellerKit.Engine.Campaigns;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Plans;
using ResellerKit.Engine.Pricing;
using ResellerKit.Engine.Team;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>The agency's row actions: start assisting a client, change or remove a team member, copy a campaign.</summary>
public static class AgencyActions
{
    public static RouteGroupBuilder MapAgencyActions(this RouteGroupBuilder admin)
    {
        admin.MapPost("/sub-accounts/{id:guid}/assist", async (Guid id, [FromForm] string? reason, BackOfficeContext context,
            WorkspaceAccess access, ManageAssist assist, CancellationToken ct) =>
        {
            var state = await context.LoadAsync(ct);
            var workspace = state?.Current;
            var subAccountId = SubAccountId.From(id);
            if (workspace is not { Kind: WorkspaceKind.Agency } || !workspace.Can(Areas.SubAccounts)
                || await access.AgencyAreasOnAsync(state!.User.Id, workspace.Agency, subAccountId, ct) is null)
            {
                return Results.Redirect("/admin/sub-accounts?notice=assist-denied");
            }
            var session = await assist.StartAsync(workspace.Agency, subAccountId, state.User.Id, state.User.DisplayName, reason, ct);
            if (!session.IsSuccess)
            {
                return Results.Redirect($"/admin/sub-accounts/{id}?notice=assist-reason");
            }
            context.EnterAssist($"sub:{subAccountId}", session.Value.Id);
            return Results.Redirect("/admin");
        });
        admin.MapPost("/team/{userId:guid}", async (Guid userId, [FromForm] MembershipRole role, [FromForm] Areas[]? areas,
            BackOfficeContext context, ManageTeam team, CancellationToken ct) =>
        {
            var state = await TeamAsync(context, ct);
            if (state is null) return Results.Redirect("/admin/team?notice=not-found");
            var result = await team.ChangeAsync(state.Current!.Agency, state.User.Id, userId, role, ClientActions.Combine(areas), state.Actor, ct);
            return Results.Redirect($"/admin/team?notice={(result.IsSuccess ? "saved" : Notices.CodeFor(result.Error))}");
        });
        admin.MapPost("/team/{userId:guid}/remove", async (Guid userId, BackOfficeContext context, ManageTeam team, CancellationToken ct) =>
        {
            var state = await TeamAsync(context, ct);
            if (state is null) return Results.Redirect("/admin/team?notice=not-found");
            var result = await team.RemoveAsync(state.Current!.Agency, state.User.Id, userId, state.Actor, ct);
            return Results.Redirect($"/admin/team?notice={(result.IsSuccess ? "removed" : Notices.CodeFor(result.Error))}");
        });
        admin.MapPost("/packs/{id:guid}/archive", async (Guid id, BackOfficeContext context, UpdatePack packs, CancellationToken ct) =>
        {
            var state = await context.LoadAsync(ct);
            if (state?.Current is not { Kind: WorkspaceKind.Agency, Assist: null } workspace || !workspace.Can(Areas.Packs))
            {
                return Results.Redirect("/admin/packs?notice=not-found");
            }
            var result = await packs.ArchiveAsync(workspace.Agency, PackId.From(id), state.Actor, ct);
            return Results.Redirect($"/admin/packs?notice={(result.IsSuccess ? "pack-archived" : "not-found")}");
        });
        admin.MapPost("/theme/rollback/{version:int}", async (int version, BackOfficeContext context, Branding.ThemeEditor editor, CancellationToken ct) =>
        {
            var state = await context.LoadAsync(ct);
            if (state?.Current is not { Kind: WorkspaceKind.Agency, Assist: null } workspace || !workspace.Can(Areas.Theme))
            {
                return Results.Redirect("/admin/theme?notice=not-found");
            }
            var result = await editor.RollbackAsync(workspace.Agency, version, state.Actor, ct);
            return Results.Redirect($"/admin/theme?notice={(result.IsSuccess ? "saved" : "not-found")}");
        });
        admin.MapGet("/transactions.csv", async ([AsParameters] Api.Ledger.TransactionQuery query, BackOfficeContext context,
            ResellerKit.Engine.Credits.ExportTransactions export, CancellationToken ct) =>
        {
            var state = await context.LoadAsync(ct);
            if (state?.Current is not { Kind: WorkspaceKind.Agency } workspace || !workspace.Can(Areas.Credits))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            // A filter the page would refuse is a 400 that says in the page's words what is wrong, never a page that
            // answers 200 where the file was asked for (the page offers no download while its filter is refused).
            var filter = query.ToFilter();
            var invalid = filter.IsSuccess ? await export.CheckAsync(workspace.Agency, filter.Value, ct) : filter.Error;
            return invalid switch
            {
                null => new Reports.TransactionCsv(export.StreamAsync(workspace.Agency, filter.Value), "transactions.csv"),
                ValidationFailed => Results.Text(FieldLabels.Words(TransactionWords.InWords(invalid)), "text/plain; charset=utf-8",
                    statusCode: StatusCodes.Status400BadRequest),
                _ => Api.Errors.Problems.ToProblem(invalid),
            };
        });
        // The new-plan form posts an empty id: bound as text, since an empty string is no Guid? to the binder.
        admin.MapPost("/plans/save", async ([FromForm] string? id, [FromForm] string? name, [FromForm] Features[]? features,
            BackOfficeContext context, ManagePlans plans, CancellationToken ct) =>
        {
            var state = await context.LoadAsync(ct);
            if (state?.Current is not { Kind: WorkspaceKind.Agency, Assist: null } workspace || !workspace.Can(Areas.SubAccounts))
            {
                return Results.Redirect("/admin/plans?notice=not-found");
            }
            Guid? planId = Guid.TryParse(id, out var parsed) ? parsed : null;
            if (planId is null && !string.IsNullOrEmpty(id))
            {
                return Results.Redirect("/admin/plans?notice=not-found");
            }
            var all = (features ?? []).Aggregate(Features.None, (set, f) => set | f);
            var result = await plans.SaveAsync(workspace.Agency, planId, name, all, state.Actor, ct);
            return Results.Redirect($"/admin/plans?notice={result.Error switch
            {
                null => "saved",
                ValidationFailed => "plan-name",
                DuplicateValue => "plan-duplicate",
                Forbidden => "plan-exceeds",
                var e => Notices.CodeFor(e),
            }}");
        });
        admin.MapPost("/campaigns/{id:guid}/copy", async (Guid id, [FromForm] string? targetSubAccountId, [FromForm] string? linked,
            BackOfficeContext context, CopyCampaign campaigns, CancellationToken ct) =>
        {
            var state = await context.LoadAsync(ct);
            if (state?.Current is not { Kind: WorkspaceKind.Agency, Assist: null } workspace || !workspace.Can(Areas.SubAccounts)
                || !SubAccountId.TryParse(targetSubAccountId, out var target))
            {
                return Results.Redirect("/admin/campaigns?notice=not-found");
            }
            var follows = linked == "true";
            var result = await campaigns.HandleAsync(Tenant.Of(workspace.Agency), CampaignId.From(id), target, state.Actor, ct, linked: follows);
            return Results.Redirect($"/admin/campaigns?notice={result.Error switch
            {
                null => follows ? "campaign-linked" : "campaign-copied",
                FeatureOff => "campaigns-off",
                var e => Notices.CodeFor(e),
            }}");
        });
        return admin;
    }

    // Team changes happen in the agency's own workspace; the Engine decides from the person's seat who may change whom.
    private static async Task<BackOfficeState?> TeamAsync(BackOfficeContext context, CancellationToken ct)
    {
        var state = await context.LoadAsync(ct);
        return state?.Current is { Kind: WorkspaceKind.Agency, Assist: null } ? state : null;
    }
}
