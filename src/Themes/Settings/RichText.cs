using System.Net;
using System.Text.RegularExpressions;

namespace ResellerKit.Themes.Settings;

/// <summary>
/// Makes a <c>richtext</c> setting safe to print with <c>raw</c>: everything is HTML-escaped, then only bare
/// <c>p br strong em b i ul ol li</c> tags and <c>&lt;a href="https://…"&gt;</c> / <c>mailto:</c> links are restored.
/// No attribute other than a checked href can survive, so no script or event handler can.
/// </summary>
public static partial class RichText
{
    public static string Sanitize(string html)
    {
        var escaped = WebUtility.HtmlEncode(html);
        escaped = SimpleTag().Replace(escaped, m => $"<{m.Groups[1].Value}{m.Groups[2].Value.ToLowerInvariant()}>");
        escaped = Link().Replace(escaped, m => $"<a href=\"{m.Groups[1].Value}\" rel=\"nofollow noopener\">");
        return escaped.Replace("&lt;/a&gt;", "</a>", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("&lt;(/?)(p|br|strong|em|b|i|ul|ol|li)\\s*/?&gt;", RegexOptions.IgnoreCase)]
    private static partial Regex SimpleTag();

    [GeneratedRegex("&lt;a href=&quot;((?:https://|mailto:)[^&\\s\"<>]+)&quot;&gt;", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
