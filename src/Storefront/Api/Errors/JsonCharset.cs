using System.Text;
using Microsoft.Net.Http.Headers;

namespace ResellerKit.Storefront.Api.Errors;

/// <summary>
/// A body whose Content-Type names a charset no decoder knows (<c>application/json; charset=klingon</c>) cannot be
/// read: 415 <c>unsupported_media_type</c>, before the framework's JSON reader fails on it with a 500.
/// Every API request passes here: a Content-Type that names no charset, or the one .NET's HttpClient and most clients
/// send, is let through without parsing the header (see <see cref="NamesOtherCharset"/>).
/// </summary>
public static class JsonCharset
{
    private const string Utf8Json = "application/json; charset=utf-8";

    public static Task RejectUnknown(HttpContext context, Func<Task> next)
    {
        if (context.Request.Path.StartsWithSegments("/api")
            && NamesOtherCharset(context.Request.ContentType)
            && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.Charset is { Length: > 0 } charset
            && !IsKnown(charset.ToString()))
        {
            return Problems.Write(context, 415, "unsupported_media_type", $"The charset '{charset}' is not supported; send JSON as UTF-8.");
        }
        return next();
    }

    /// <summary>
    /// Whether <paramref name="contentType"/> may name a charset other than UTF-8: a parameter is named by its token,
    /// so a header without the word <c>charset</c> names none.
    /// </summary>
    public static bool NamesOtherCharset(string? contentType) =>
        contentType is not null
        && contentType.Contains("charset", StringComparison.OrdinalIgnoreCase)
        && !contentType.Equals(Utf8Json, StringComparison.OrdinalIgnoreCase);

    private static bool IsKnown(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
