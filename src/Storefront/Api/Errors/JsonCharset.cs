using System.Text;
using Microsoft.Net.Http.Headers;

namespace ResellerKit.Storefront.Api.Errors;

/// <summary>
/// A body whose Content-Type names a charset no decoder knows (<c>application/json; charset=klingon</c>) cannot be
/// read: 415 <c>unsupported_media_type</c>, before the framework's JSON reader fails on it with a 500.
/// </summary>
public static class JsonCharset
{
    public static Task RejectUnknown(HttpContext context, Func<Task> next)
    {
        if (context.Request.Path.StartsWithSegments("/api")
            && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.Charset is { Length: > 0 } charset
            && !IsKnown(charset.ToString()))
        {
            return Problems.Write(context, 415, "unsupported_media_type", $"The charset '{charset}' is not supported; send JSON as UTF-8.");
        }
        return next();
    }

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
