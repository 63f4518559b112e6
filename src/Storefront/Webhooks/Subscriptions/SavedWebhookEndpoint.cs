namespace ResellerKit.Storefront.Webhooks.Subscriptions;

/// <summary>An endpoint as the agency sees it after saving it or rotating its secret; <see cref="Secret"/> is in clear, for the agency only.</summary>
public sealed record SavedWebhookEndpoint(
    string Url, IReadOnlyList<string> Events, string Secret, DateTimeOffset? PreviousSecretExpiresAt, DateTimeOffset? DisabledAt, string? DisabledReason);
