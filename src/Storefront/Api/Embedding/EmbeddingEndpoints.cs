using Microsoft.AspNetCore.Http.HttpResults;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Embedding;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Storefront.Api.Idempotency;
using ResellerKit.Storefront.WidgetHost;

namespace ResellerKit.Storefront.Api.Embedding;

/// <summary>
/// Client secrets for the embedded widget (as Stripe's customer sessions), the origins allowed to embed it, and the
/// embed snippet. Agency key only; everything is scoped to the key's agency.
/// </summary>
public static class EmbeddingEndpoints
{
    public static WebApplication MapEmbedding(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<IdempotencyFilter>().RequireAuthorization(ApiPolicies.Agency).WithTags("Widget");
        api.MapPost("/widget-sessions", CreateAsync).WithName("CreateWidgetSession").WithMetadata(new SecretReply());
        api.MapDelete("/widget-sessions/{id:guid}", RevokeAsync).WithName("RevokeWidgetSession");
        api.MapDelete("/sub-accounts/{id:guid}/widget-sessions", RevokeAllAsync).WithName("RevokeWidgetSessionsOfSubAccount");
        api.MapGet("/agency/widget-origins", OriginsAsync).WithName("GetWidgetOrigins");
        api.MapPut("/agency/widget-origins", ReplaceOriginsAsync).WithName("SetWidgetOrigins");
        api.MapGet("/agency/widget-snippet", SnippetAsync).WithName("GetWidgetSnippet");
        return app;
    }

    public static async Task<Results<Created<WidgetSessionResponse>, ProblemHttpResult>> CreateAsync(
        WidgetSessionRequest request, ApiCaller caller, WidgetSessions sessions, ClientSecrets secrets, CancellationToken ct)
    {
        if (request.SubAccountId is not { } subAccountId)
        {
            return ValidationFailed.For("subAccountId", "subAccountId is required.").ToProblem();
        }
        var lifetime = request.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var session = await sessions.OpenAsync(caller.Agency, subAccountId, lifetime, ct);
        if (!session.IsSuccess)
        {
            return session.Error.ToProblem();
        }
        var s = session.Value;
        return TypedResults.Created($"/api/v1/widget-sessions/{s.Id}",
            new WidgetSessionResponse(s.Id, s.SubAccountId, await secrets.IssueAsync(s, ct), s.ExpiresAt));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        WidgetSessionId id, ApiCaller caller, WidgetSessions sessions, CancellationToken ct)
    {
        var revoked = await sessions.RevokeAsync(caller.Agency, id, caller.Actor, ct);
        return revoked.IsSuccess ? TypedResults.NoContent() : revoked.Error.ToProblem();
    }

    public static async Task<Results<Ok<WidgetSessionsRevokedResponse>, ProblemHttpResult>> RevokeAllAsync(
        SubAccountId id, ApiCaller caller, WidgetSessions sessions, CancellationToken ct)
    {
        var revoked = await sessions.RevokeAllAsync(caller.Agency, id, caller.Actor, ct);
        return revoked.IsSuccess ? TypedResults.Ok(new WidgetSessionsRevokedResponse(revoked.Value)) : revoked.Error.ToProblem();
    }

    public static async Task<Ok<WidgetOriginsResponse>> OriginsAsync(ApiCaller caller, WidgetOrigins origins, CancellationToken ct) =>
        TypedResults.Ok(new WidgetOriginsResponse(await origins.ListAsync(caller.Agency, ct)));

    public static async Task<Results<Ok<WidgetOriginsResponse>, ProblemHttpResult>> ReplaceOriginsAsync(
        WidgetOriginsRequest request, ApiCaller caller, WidgetOrigins origins, CancellationToken ct)
    {
        var saved = await origins.ReplaceAsync(caller.Agency, request.Origins, caller.Actor, ct);
        return saved.IsSuccess ? TypedResults.Ok(new WidgetOriginsResponse(saved.Value)) : saved.Error.ToProblem();
    }

    /// <summary>The two-line embed snippet; <c>?signedIn=false</c> leaves out <c>client-secret</c> (packs and "Sign in" only).</summary>
    public static async Task<Results<Ok<WidgetSnippetResponse>, ProblemHttpResult>> SnippetAsync(
        bool? signedIn, ApiCaller caller, GetAgencySummary agencies, WidgetOrigins origins, WidgetSnippet snippet, CancellationToken ct)
    {
        var agency = await agencies.HandleAsync(caller.Agency, ct);
        if (!agency.IsSuccess)
        {
            return agency.Error.ToProblem();
        }
        var slug = agency.Value.Agency.Slug;
        return TypedResults.Ok(new WidgetSnippetResponse(
            snippet.For(slug, signedIn ?? true), snippet.ScriptUrl, slug, await origins.ListAsync(caller.Agency, ct)));
    }
}
