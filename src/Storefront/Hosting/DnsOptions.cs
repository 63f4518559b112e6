namespace ResellerKit.Storefront.Hosting;

/// <summary>The <c>ResellerKit:Dns</c> section.</summary>
public sealed class DnsOptions
{
    /// <summary>DNS servers as <c>host:port</c>, comma-separated; empty uses the machine's resolvers.</summary>
    public string? Servers { get; set; }
}
