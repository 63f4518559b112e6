using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>An agency's webhook URL that ResellerKit will not call; <see cref="Detail"/> is shown under 422 <c>url_not_allowed</c>.</summary>
public sealed record UrlNotAllowed(string Reason) : Error("url_not_allowed")
{
    public override string Detail => Reason;
}
