namespace ResellerKit.Storefront.Telemetry;

/// <summary>
/// The <c>Metrics:Prometheus</c> section: where <c>/metrics</c> answers, and to whom. It is never anonymous on the
/// public port outside Development: there it needs <see cref="ScrapeToken"/>, or it answers only on the management
/// <see cref="Port"/>, which the operator keeps off the public network.
/// </summary>
public sealed class PrometheusOptions
{
    public const string Section = "Metrics:Prometheus";

    /// <summary>Serve <c>/metrics</c>. Defaults to on in Development, and on whenever a port or a token is set.</summary>
    public bool Enabled { get; init; }

    /// <summary>A management port: Kestrel also listens there, and <c>/metrics</c> answers only there.</summary>
    public int? Port { get; init; }

    /// <summary>A secret the scraper sends as <c>Authorization: Bearer …</c>; required on the public port outside Development.</summary>
    public string? ScrapeToken { get; init; }

    /// <summary>Anonymous scrapes on the public port: Development only.</summary>
    public bool AnonymousOnPublicPort { get; init; }

    public static PrometheusOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var port = section.GetValue<int?>("Port");
        var token = section["ScrapeToken"] is { Length: > 0 } t ? t : null;
        var options = new PrometheusOptions
        {
            Enabled = section.GetValue<bool?>("Enabled") ?? (environment.IsDevelopment() || port is not null || token is not null),
            Port = port,
            ScrapeToken = token,
            AnonymousOnPublicPort = environment.IsDevelopment(),
        };
        if (options.Enabled && port is null && token is null && !options.AnonymousOnPublicPort)
        {
            throw new InvalidOperationException(
                "Metrics:Prometheus:Enabled is on outside Development, where /metrics is never anonymous on the public port. " +
                "Set Metrics:Prometheus:ScrapeToken (sent by the scraper as a Bearer token) or Metrics:Prometheus:Port (a management port kept off the public network).");
        }
        if (port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"Metrics:Prometheus:Port must be a TCP port (1-65535), not {port}.");
        }
        return options;
    }
}
