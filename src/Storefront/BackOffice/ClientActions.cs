using Microsoft.AspNetCore.Mvc;
using ResellerKit.Engine.Connections;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>What a client does about agencies on its own account: answer requests, set their role, revoke, terminate.</summary>
public static class ClientActions
{
    public static RouteGroupBuilder MapClientActions(this RouteGroupBuilder admin)
    {
        admin.MapPost("/connections/answer", async ([FromForm] Guid connectionId, [FromForm] bool accept, BackOfficeContext context, ManageConnections connections, CancellationToken ct) =>
        {
            var state = await context.LoadAsync(ct);
            if (state?.Current?.Assist is not null)
            {
                return Results.Redirect("/admin/agencies?notice=not-found"); // An assisting agency never answers for the client.
            }
            var result = await connections.RespondAsync(connectionId, state!.User.Id, accept, state.Actor, ct);
            return Results.Redirect($"/admin/agencies?notice={(result.IsSuccess ? accept ? "accepted" : "declined" : Notices.CodeFor(result.Error))}");
        });
        admin.MapPost("/connections/{id:guid}/role", async (Guid id, [FromForm] MembershipRole role, [FromForm] Areas[]? areas, BackOfficeContext context, ManageConnections connections, CancellationToken ct) =>
        {
            var state = await ClientAsync(context, ct);
            if (state is null) return Results.Redirect("/admin/agencies?notice=not-found");
            var result = await connections.ChangeRoleAsync(id, state.User.Id, role, Combine(areas), state.Actor, ct);
            return Results.Redirect($"/admin/agencies?notice={(result.IsSuccess ? "role-changed" : Notices.CodeFor(result.Error))}");
        });
        admin.MapPost("/connections/{id:guid}/revoke", async (Guid id, BackOfficeContext context, ManageConnections connections, CancellationToken ct) =>
        {
            var state = await ClientAsync(context, ct);
            if (state is null) return Results.Redirect("/admin/agencies?notice=not-found");
            var result = await connections.RevokeAsync(id, state.User.Id, state.Actor, ct);
            return Results.Redirect($"/admin/agencies?notice={(result.IsSuccess ? "revoked" : Notices.CodeFor(result.Error))}");
        });
        admin.MapPost("/connections/{id:guid}/terminate", async (Guid id, [FromForm] string? reason, BackOfficeContext context, ManageConnections connections, CancellationToken ct) =>
        {
            var state = await context.LoadAsync(ct);
            var workspace = state?.Current;
            // The agency side needs the area of its Connections page: a member without it sees no connection to end.
            if (workspace is null || workspace.Assist is not null || (workspace.Kind == WorkspaceKind.Agency && !workspace.Can(Areas.SubAccounts)))
            {
                return Results.Redirect("/admin?notice=not-found");
            }
            var back = workspace.Kind == WorkspaceKind.Agency ? "/admin/connections" : "/admin/agencies";
            var result = workspace.Kind == WorkspaceKind.Agency
                ? await connections.TerminateAsync(id, workspace.AgencyId, null, reason, state!.Actor, ct)
                : await connections.TerminateAsync(id, null, state!.User.Id, reason, state.Actor, ct);
            return Results.Redirect($"{back}?notice={(result.IsSuccess ? "terminated" : Notices.CodeFor(result.Error))}");
        });
        return admin;
    }

    // Only the client's own user manages who has access; an assisting agency user never can.
    private static async Task<BackOfficeState?> ClientAsync(BackOfficeContext context, CancellationToken ct)
    {
        var state = await context.LoadAsync(ct);
        return state?.Current is { Kind: WorkspaceKind.SubAccount, Assist: null } ? state : null;
    }

    public static Areas Combine(Areas[]? areas) => (areas ?? []).Aggregate(Areas.None, (all, a) => all | a);
}
