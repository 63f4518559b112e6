namespace ResellerKit.Storefront.Hosting;

/// <summary>The <c>ResellerKit</c> configuration section.</summary>
public sealed class ResellerKitOptions
{
    public const string Section = "ResellerKit";

    /// <summary>The platform key. When empty, one is generated on first start, stored hashed, and printed once.</summary>
    public string? PlatformApiKey { get; set; }

    /// <summary>The absolute URL that emails, storefront links and the widget use; defaults to the first bound address.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Where storefronts live: a URL with <c>{slug}</c>, such as <c>https://{slug}.shops.example.com</c>. Each agency's
    /// storefront gets an origin of its own, apart from the back office. By default <c>{slug}.</c> in front of the
    /// platform's host (<c>{slug}.localhost</c> when the platform is on loopback).
    /// </summary>
    public string? StorefrontBaseUrl { get; set; }

    /// <summary>The DNS servers used to verify custom domains.</summary>
    public DnsOptions? Dns { get; set; }

    /// <summary>More host names the platform answers on (comma-separated), besides the public base URL's host and loopback.</summary>
    public string? PlatformHosts { get; set; }

    /// <summary>Seeds a demo platform, agency and sub-accounts on first start. On by default for the embedded SQLite setup.</summary>
    public bool? SeedDemo { get; set; }

    /// <summary>Serves the widget once inside the process at start, before <c>/readyz</c> answers. On unless false.</summary>
    public bool? WarmUp { get; set; }

    /// <summary>The proxies in front of the app, whose <c>X-Forwarded-For</c> is believed (<see cref="Hosting.TrustedProxies"/>).</summary>
    public string? TrustedProxies { get; set; }

    /// <summary>A request that takes longer than this many seconds is logged as a warning (<see cref="SlowRequests"/>); 10 by default.</summary>
    public double? SlowRequestSeconds { get; set; }
}
