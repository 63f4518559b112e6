namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// The <c>Webhooks</c> section. Only <see cref="AllowLoopback"/> is meant to be configured (by tests); the limits are
/// settable so that tests do not have to wait 15 seconds for a timeout.
/// </summary>
public sealed class OutboundHttpOptions
{
    public const string Section = "Webhooks";

    /// <summary>Lets webhooks go to 127.0.0.0/8 and ::1 (tests only). Every other non-public range stays refused.</summary>
    public bool AllowLoopback { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The whole attempt: connect, send, headers and reading the capped body.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Short, so that a pooled connection is not reused long after the name's DNS answer changed.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most of a response body that is ever read.</summary>
    public int MaxResponseBytes { get; set; } = 64 * 1024;
}
