namespace ResellerKit.Engine.Webhooks;

public enum WebhookMessageState
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    Delivered,

    /// <summary>Given up: retries ran out, the endpoint is gone (410) or disabled, or the SSRF guard refused it.</summary>
    Failed,
}
