using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ResellerKit.Engine.Assist;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// The back office's small POST actions that only set a cookie and redirect: sign out, switch account, end assist; and
/// the row actions of each kind of account. Every one of them, on the group, requires the antiforgery token.
/// </summary>
public static class BackOfficeActions
{
    public static WebApplication MapBackOfficeActions(this WebApplication app)
    {
        var admin = app.MapGroup("/admin").ExcludeFromDescription()
            .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter<RequireAntiforgery>();
        admin.MapGroup("").RequireAuthorization().MapClientActions().MapAgencyActions().MapPlatformActions().MapOwnershipActions();
        admin.MapPost("/logout", async (SignInManager<User> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/admin/login");
        });
        admin.MapPost("/switch", async ([FromForm] string to, BackOfficeContext context, CancellationToken ct) =>
        {
            await context.SwitchAsync(to, ct);
            return Results.Redirect("/admin");
        }).RequireAuthorization();
        admin.MapPost("/assist/end", async (BackOfficeContext context, ManageAssist assist, CancellationToken ct) =>
        {
            var state = await context.LoadAsync(ct);
            if (state?.Current?.Assist is { } session)
            {
                await assist.EndAsync(session.Id, state.User.Id, ct);
                context.LeaveAssist($"agency:{session.AgencyId}");
                return Results.Redirect($"/admin/sub-accounts/{session.SubAccountId}");
            }
            return Results.Redirect("/admin");
        }).RequireAuthorization();
        return app;
    }
}
