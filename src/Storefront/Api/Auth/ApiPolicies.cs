using Microsoft.AspNetCore.Authorization;

namespace ResellerKit.Storefront.Api.Auth;

public static class ApiPolicies
{
    public const string Platform = "platform";
    public const string Agency = "agency";
    public const string AgencyOrPlatform = "agency-or-platform";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Platform, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireClaim(ApiCaller.KindClaim, ApiCaller.PlatformKind))
        .AddPolicy(Agency, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireClaim(ApiCaller.KindClaim, ApiCaller.AgencyKind))
        .AddPolicy(AgencyOrPlatform, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireClaim(ApiCaller.KindClaim, ApiCaller.AgencyKind, ApiCaller.PlatformKind));
}
