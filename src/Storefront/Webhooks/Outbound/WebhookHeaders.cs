using System.Net.Http.Headers;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>The three Standard Webhooks headers of one attempt.</summary>
public sealed record WebhookHeaders(string Id, string Timestamp, string Signature)
{
    public const string IdName = "webhook-id";
    public const string TimestampName = "webhook-timestamp";
    public const string SignatureName = "webhook-signature";

    public void ApplyTo(HttpRequestHeaders headers)
    {
        headers.TryAddWithoutValidation(IdName, Id);
        headers.TryAddWithoutValidation(TimestampName, Timestamp);
        headers.TryAddWithoutValidation(SignatureName, Signature);
    }
}
