using System.Security.Claims;
using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Api.Auth;

/// <summary>Who is calling the API: the platform, or one agency. Built from the principal the API key handler signs in.</summary>
public sealed record ApiCaller(AgencyId? AgencyId, string KeyPrefix)
{
    public const string AgencyClaim = "rk:agency";
    public const string KindClaim = "rk:caller";
    public const string PlatformKind = "platform";
    public const string AgencyKind = "agency";

    public bool IsPlatform => AgencyId is null;

    public Tenant Tenant => new(AgencyId);

    /// <summary>Idempotency keys are per caller: two agencies may both send "order-1".</summary>
    public string IdempotencyScope => Engine.Idempotency.IdempotencyScopes.Of(Tenant);

    public Actor Actor => AgencyId is null ? Actor.Platform : new Actor($"api-key:{KeyPrefix}", $"API key {KeyPrefix}…");

    /// <summary>The agency this caller acts for; only agency keys reach the routes that use it.</summary>
    public AgencyId Agency => AgencyId ?? throw new InvalidOperationException("An agency route was reached without an agency key.");

    /// <summary>Lets handlers take an <see cref="ApiCaller"/> parameter directly.</summary>
    public static ValueTask<ApiCaller?> BindAsync(HttpContext context) => ValueTask.FromResult<ApiCaller?>(From(context.User));

    public static ApiCaller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(AgencyClaim) is { } id ? Engine.Common.AgencyId.From(Guid.Parse(id)) : null,
        user.FindFirstValue(ClaimTypes.Name) ?? "");
}
