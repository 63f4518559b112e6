using Microsoft.AspNetCore.DataProtection;
using ResellerKit.Storefront.Webhooks.Outbound;

namespace ResellerKit.Storefront.Webhooks.Subscriptions;

/// <summary>
/// Keeps endpoint secrets encrypted at rest with ASP.NET Data Protection (its keys live in the database, shared by
/// every node). Only this class ever sees a secret in clear.
/// </summary>
public sealed class WebhookSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("ResellerKit.Webhooks.EndpointSecret.v1");

    public string Protect(WebhookSecret secret) => protector.Protect(secret.Value);

    public WebhookSecret Unprotect(string protectedSecret) => WebhookSecret.Parse(protector.Unprotect(protectedSecret));
}
