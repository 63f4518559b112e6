namespace ResellerKit.Storefront.WidgetHost;

/// <summary>The <c>ResellerKit:Widget</c> configuration section.</summary>
public sealed class WidgetOptions
{
    public const string Section = "ResellerKit:Widget";

    /// <summary>
    /// The HMAC key that signs client secrets, base64 (at least 32 bytes). When empty, one is generated on first use and
    /// stored in the database encrypted with Data Protection, so every node of a cluster signs with the same key.
    /// </summary>
    public string? SigningKey { get; set; }
}
