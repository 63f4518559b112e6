using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Webhooks.Outbound;

/// <summary>
/// The rules a webhook URL must meet before any address is looked at: absolute, http or https, no user name or
/// password, a host, a port from 1 to 65535, at most 2048 characters, and none of the characters (backslashes,
/// spaces, controls) that parsers disagree about. Pure: no DNS.
/// </summary>
public static class WebhookUrlSyntax
{
    public const int MaxLength = 2048;

    public static Result<WebhookTarget> Check(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return new UrlNotAllowed("A webhook URL is required.");
        }
        if (url.Length > MaxLength)
        {
            return new UrlNotAllowed($"The webhook URL is {url.Length} characters long; the limit is {MaxLength}.");
        }
        if (url.Any(c => c == '\\' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return new UrlNotAllowed("The webhook URL contains a backslash, a space or a control character; write it percent-encoded.");
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !url.Contains("://", StringComparison.Ordinal))
        {
            return new UrlNotAllowed($"{url} is not a valid absolute URL (check the scheme, host and port).");
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return new UrlNotAllowed($"{url} uses the {uri.Scheme}: scheme; webhooks can only use http or https.");
        }
        if (uri.UserInfo.Length > 0 || Authority(url).Contains('@'))
        {
            return new UrlNotAllowed($"{url} contains a user name or password; webhook URLs cannot carry credentials (verify the webhook-signature header instead).");
        }
        if (uri.Port is < 1 or > 65535)
        {
            return new UrlNotAllowed($"{url} has port {uri.Port}; the port must be from 1 to 65535.");
        }
        var host = IdnHost(uri);
        if (host is null)
        {
            return new UrlNotAllowed($"{url} has no usable host name.");
        }
        return new WebhookTarget(uri, host, HostLiteral.TryParse(host, out var literal) ? literal : null);
    }

    /// <summary>The raw text between "://" and the path, query or fragment, as the agency typed it.</summary>
    private static string Authority(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        return end < 0 ? url[start..] : url[start..end];
    }

    private static string? IdnHost(Uri uri)
    {
        try
        {
            return uri.IdnHost is { Length: > 0 } host ? host : null;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
