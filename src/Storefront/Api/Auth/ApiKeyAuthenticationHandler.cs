using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Access;
using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.Api.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>: the platform key, or an agency key (looked up by its hash through
/// <see cref="ApiKeyCache"/>, whose version stamp makes a rotated or revoked key fail at once on every node). Failures answer 401/403 as problem documents with the API's codes.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PlatformKey platformKey, ApiKeyCache apiKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <key>'.");
        }
        var key = header["Bearer ".Length..].Trim();
        if (platformKey.Matches(key))
        {
            return Success(ApiCaller.PlatformKind, null, ApiKeys.PlatformPrefix);
        }
        if (await apiKeys.AgencyOfAsync(key, Context.RequestAborted) is { } agencyId)
        {
            return Success(ApiCaller.AgencyKind, agencyId.ToString(), key[..Math.Min(key.Length, ApiKeys.AgencyPrefix.Length + 6)]);
        }
        return AuthenticateResult.Fail("The API key is not valid. It may have been rotated or mistyped.");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await Problems.Write(Context, StatusCodes.Status401Unauthorized, "unauthorized",
            failure ?? "Send your API key in the header 'Authorization: Bearer <key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "forbidden",
            "This API key may not use this route: platform routes need the platform key, agency routes an agency key.");

    private AuthenticateResult Success(string kind, string? agencyId, string prefix)
    {
        var claims = new List<Claim> { new(ApiCaller.KindClaim, kind), new(ClaimTypes.Name, prefix) };
        if (agencyId is not null)
        {
            claims.Add(new Claim(ApiCaller.AgencyClaim, agencyId));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
