using System.Net;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>A webhook URL that passed the syntax rules: its host in ASCII (punycode), and the address when the host is one.</summary>
public sealed record WebhookTarget(Uri Uri, string Host, IPAddress? Literal);
