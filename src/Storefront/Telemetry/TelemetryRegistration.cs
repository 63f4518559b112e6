using Microsoft.AspNetCore.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ResellerKit.Engine.Telemetry;
using ResellerKit.Themes.Rendering;

namespace ResellerKit.Storefront.Telemetry;

/// <summary>
/// OpenTelemetry for the host. Traces (ASP.NET Core, HttpClient, EF Core on every provider, the Engine's spans),
/// metrics and logs go over OTLP when an <c>OTEL_EXPORTER_OTLP_*ENDPOINT</c> is set, configured by the standard
/// <c>OTEL_*</c> variables; metrics are also scraped at <c>/metrics</c> when <see cref="PrometheusOptions"/> allows.
/// With neither, nothing is collected and the instruments cost nothing.
/// </summary>
public static class TelemetryRegistration
{
    private static readonly string[] OtlpEndpoints =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var prometheus = PrometheusOptions.From(configuration, builder.Environment);
        builder.Services.AddSingleton(prometheus);
        var otlp = OtlpEndpoints.Any(name => !string.IsNullOrWhiteSpace(configuration[name]));
        if (!otlp && !prometheus.Enabled)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService("resellerkit", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                    .AddMeter(EngineTelemetry.Name, ThemeMetrics.MeterName, StorefrontTelemetry.Name)
                    .AddMeter("System.Runtime", "Npgsql", "Microsoft.EntityFrameworkCore");
                if (prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsAccess.Path))
                    .AddHttpClientInstrumentation().AddEntityFrameworkCoreInstrumentation().AddSource(EngineTelemetry.Name);
                if (string.IsNullOrWhiteSpace(configuration["OTEL_TRACES_SAMPLER"]))
                {
                    tracing.SetSampler(new ParentBasedSampler(new BackgroundQueriesSampler()));
                }
            });
            telemetry.WithLogging(_ => { }, o => o.IncludeScopes = true);
            telemetry.UseOtlpExporter();
        }
        if (prometheus.Port is { } port)
        {
            builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Join(';', PublicUrls(configuration).Append($"http://*:{port}")));
        }
        return builder;
    }

    /// <summary>Answers <c>/metrics</c> (when enabled) and keeps the management port to the scrape and the probes.</summary>
    public static WebApplication UseMetricsEndpoint(this WebApplication app)
    {
        var prometheus = app.Services.GetRequiredService<PrometheusOptions>();
        if (!prometheus.Enabled)
        {
            return app;
        }
        app.Use(MetricsAccess.ManagementPortOnly);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: http => http.Request.Path.Equals(MetricsAccess.Path, StringComparison.OrdinalIgnoreCase),
            path: null,
            configureBranchedPipeline: branch => branch.Use(MetricsAccess.Guard),
            optionsName: null);
        return app;
    }

    // The addresses the app would bind without the management port (--urls, ASPNETCORE_URLS, HTTP_PORTS).
    private static IEnumerable<string> PublicUrls(IConfiguration configuration)
    {
        if (configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls)
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        if (configuration["HTTP_PORTS"] is { Length: > 0 } ports)
        {
            return ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}");
        }
        return ["http://localhost:5000"];
    }
}
