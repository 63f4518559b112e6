using System.Globalization;

namespace ResellerKit.Engine.Embedding;

/// <summary>
/// A web origin as browsers send it in the <c>Origin</c> header: <c>scheme://host[:port]</c>, with no path, query,
/// fragment or credentials. Normalised so that two spellings of one origin compare equal.
/// </summary>
public static class EmbeddingOrigin
{
    public const int MaxLength = 300;

    /// <summary>The normalised origin, or null (with the reason) when <paramref name="text"/> is not one.</summary>
    public static string? Normalize(string? text, out string? problem)
    {
        problem = null;
        var value = text?.Trim() ?? "";
        if (value.Length is 0 or > MaxLength || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            problem = "must be an origin such as https://www.example.com";
            return null;
        }
        if (uri.Scheme is not ("https" or "http"))
        {
            problem = "must start with https:// (or http:// for a development site)";
            return null;
        }
        if (uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0
            || value.Contains('*', StringComparison.Ordinal))
        {
            problem = "must be only a scheme, host and optional port: no path, query, wildcard or credentials";
            return null;
        }
        var host = uri.IdnHost.ToLowerInvariant();
        return uri.IsDefaultPort
            ? $"{uri.Scheme}://{host}"
            : $"{uri.Scheme}://{host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    public static string? Normalize(string? text) => Normalize(text, out _);
}
