using System.Text;
using Microsoft.Net.Http.Headers;

namespace ResellerKit.Storefront.Api.Errors;

/// <summary>
/// A body whose Content-Type names a charset no decoder knows (<c>application/json; charset=klingon</c>) cannot be
/// read: 415 <c>unsupported_media_type</c>, before the framework's JSON reader fails on it with a 500. A quoted name is
/// read as the bare one.
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
            && type.Charset is { Length: > 0 } charset)
        {
            var name = HeaderUtilities.RemoveQuotes(charset);
            if (!IsKnown(name.ToString()))
            {
                return Problems.Write(context, 415, "unsupported_media_type", $"The charset '{charset}' is not supported; send JSON as UTF-8.");
            }
            if (name.Length != charset.Length)
            {
                // A quoted name (charset="utf-8") is as valid as a bare one, but the framework's JSON reader takes the
                // quotes for part of the name and fails: it is handed the bare name.
                type.Charset = name;
                context.Request.ContentType = type.ToString();
            }
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
            _ = Encoding.GetEncoding(charset);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
