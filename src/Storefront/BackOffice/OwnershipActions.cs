using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.OwnershipTransfers;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// Ownership that moves, from the back office: the agency's owner hands a sub-account to its client or cancels that;
/// the client accepts from the emailed link, or offers its own account to a connected agency (and may withdraw that offer); that agency accepts.
/// </summary>
public static class OwnershipActions
{
    public static RouteGroupBuilder MapOwnershipActions(this RouteGroupBuilder admin)
    {
        admin.MapPost("/sub-accounts/{id:guid}/ownership-transfer", async (Guid id, BackOfficeContext context, HandOverToClient handOver, CancellationToken ct) =>
        {
            var state = await AgencyOwnerAsync(context, ct);
            if (state is null) return Results.Redirect($"/admin/sub-accounts/{id}?notice=owners-only");
            var result = await handOver.OfferAsync(state.Current!.Agency, SubAccountId.From(id), state.Actor, ct);
            return Results.Redirect($"/admin/sub-accounts/{id}?notice={(result.IsSuccess ? "transfer-sent" : Notices.CodeFor(result.Error))}");
        });
        admin.MapPost("/sub-accounts/{id:guid}/ownership-transfer/cancel", async (Guid id, BackOfficeContext context, HandOverToClient handOver, CancellationToken ct) =>
        {
            var state = await AgencyOwnerAsync(context, ct);
            if (state is null) return Results.Redirect($"/admin/sub-accounts/{id}?notice=owners-only");
            var result = await handOver.CancelAsync(state.Current!.Agency, SubAccountId.From(id), state.Actor, ct);
            return Results.Redirect($"/admin/sub-accounts/{id}?notice={(result.IsSuccess ? "transfer-cancelled" : Notices.CodeFor(result.Error))}");
        });
        admin.MapPost("/ownership/accept", async ([FromForm] string? token, [FromForm] string? password, [FromForm] string? confirm,
            BackOfficeContext context, HandOverToClient handOver, ChangePassword passwords, SignInManager<User> signIn, CancellationToken ct) =>
        {
            var state = await context.LoadAsync(ct);
            var back = $"{HandOverToClient.LinkPath}?token={Uri.EscapeDataString(token ?? "")}";
            if (state is null || state.Current?.Assist is not null)
            {
                return Results.Redirect(back); // An assisting agency never accepts for the client; the page says who may.
            }
            // The agency set the account up and may know its password: the client takes it over with one of its own,
            // set before the account moves, so that it never belongs to the client while the first password still opens it.
            // A link this person cannot accept changes nothing (the page says why).
            if (await handOver.PreviewAsync(token, ct) is not { IsSuccess: true, Value.Problem: null } preview
                || !state.Available.Any(w => w.Kind == WorkspaceKind.SubAccount && w.SubAccountId == preview.Value.Transfer.SubAccountId))
            {
                return Results.Redirect(back);
            }
            var chosen = await passwords.CheckChosenAsync(state.User.Id, password, confirm, ct);
            if (!chosen.IsSuccess)
            {
                var field = (chosen.Error as ValidationFailed)?.Errors.Keys.FirstOrDefault() ?? ChangePassword.New;
                return Results.Redirect($"{back}&error={field}");
            }
            // A new stamp ends every other session of the account's user (one the agency opened with the old password
            // among them); this one signs in again. An authenticator the agency may have enrolled goes in the same step.
            var replaced = await passwords.ReplaceAsync(state.User.Id, password!, ct);
            if (!replaced.IsSuccess)
            {
                return Results.Redirect($"{back}&error={ChangePassword.New}");
            }
            await signIn.RefreshSignInAsync(replaced.Value.User);
            var result = await handOver.AcceptAsync(token, state.User.Id, state.Actor, ct);
            if (!result.IsSuccess)
            {
                return Results.Redirect(back);
            }
            await context.SwitchAsync($"sub:{result.Value.SubAccountId}", ct);
            return Results.Redirect($"/admin/agencies?notice={(replaced.Value.TwoStepTurnedOff ? "ownership-accepted-two-step-off" : "ownership-accepted")}");
        });
        admin.MapPost("/connections/{id:guid}/offer-ownership", async (Guid id, BackOfficeContext context, HandOverToAgency handOver, CancellationToken ct) =>
        {
            var state = await context.LoadAsync(ct);
            if (state?.Current is not { Kind: WorkspaceKind.SubAccount, Assist: null } workspace) return Results.Redirect("/admin/agencies?notice=not-found");
            var result = await handOver.OfferAsync(workspace.Account, id, state.User.Id, state.Actor, ct);
            return Results.Redirect($"/admin/agencies?notice={(result.IsSuccess ? "ownership-offered" : Notices.CodeFor(result.Error))}");
        });
        admin.MapPost("/ownership-offer/withdraw", async (BackOfficeContext context, HandOverToAgency handOver, CancellationToken ct) =>
        {
            var state = await context.LoadAsync(ct);
            if (state?.Current is not { Kind: WorkspaceKind.SubAccount, Assist: null } workspace) return Results.Redirect("/admin/agencies?notice=not-found");
            var result = await handOver.WithdrawAsync(workspace.Account, state.User.Id, state.Actor, ct);
            return Results.Redirect($"/admin/agencies?notice={(result.IsSuccess ? "offer-withdrawn" : Notices.CodeFor(result.Error))}");
        });
        admin.MapPost("/ownership-offers/{id:guid}/accept", async (Guid id, BackOfficeContext context, HandOverToAgency handOver, CancellationToken ct) =>
        {
            var state = await AgencyOwnerAsync(context, ct);
            if (state is null) return Results.Redirect("/admin/connections?notice=owners-only");
            var result = await handOver.AcceptAsync(state.Current!.Agency, id, state.Actor, ct);
            return Results.Redirect(result.IsSuccess
                ? $"/admin/sub-accounts/{result.Value.SubAccountId}?notice=ownership-taken"
                : $"/admin/connections?notice={Notices.CodeFor(result.Error)}");
        });
        return admin;
    }

    // Only the agency's owner moves who owns an account, as only an owner makes or unmakes an owner; never while assisting.
    private static async Task<BackOfficeState?> AgencyOwnerAsync(BackOfficeContext context, CancellationToken ct)
    {
        var state = await context.LoadAsync(ct);
        return state?.Current is { Kind: WorkspaceKind.Agency, Assist: null, Role: MembershipRole.Owner } ? state : null;
    }
}
