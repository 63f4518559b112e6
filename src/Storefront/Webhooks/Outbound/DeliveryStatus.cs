namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>What the caller should do after one delivery attempt.</summary>
public enum DeliveryStatus
{
    /// <summary>2xx: done.</summary>
    Delivered,

    /// <summary>Any other answer, a redirect, a timeout or a network error: try again later.</summary>
    Retry,

    /// <summary>410 Gone: the endpoint wants no more webhooks; disable it.</summary>
    Gone,

    /// <summary>The SSRF guard or the URL rules refused the destination: do not retry; log it and tell the agency.</summary>
    Refused,
}
