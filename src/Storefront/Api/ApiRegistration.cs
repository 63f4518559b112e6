using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Idempotency;
using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.Api;

public static class ApiRegistration
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<JsonOptions>(o => Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSingleton<PlatformKey>();
        services.AddSingleton<Replies>();
        services.AddScoped<AfterCommit>();
        services.AddOptions<LedgerQueueOptions>().Bind(builder.Configuration.GetSection(LedgerQueueOptions.Section));
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddApiPolicies();
        services.AddOpenApi();
        return builder;
    }

    /// <summary>camelCase, enums as snake_case strings, numbers only as numbers, no duplicate properties, only valid UTF-8.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        CheckedJsonConverter<JsonElement>.AddTo(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }
}
