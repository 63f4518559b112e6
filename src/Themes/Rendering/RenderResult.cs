using System.Diagnostics.CodeAnalysis;

namespace ResellerKit.Themes.Rendering;

/// <summary>The HTML of a rendered page, or the <see cref="ThemeError"/> that stopped it. Rendering never throws for a bad theme.</summary>
public sealed class RenderResult
{
    private RenderResult(string? html, ThemeError? error)
    {
        Html = html;
        Error = error;
    }

    public string? Html { get; }

    public ThemeError? Error { get; }

    [MemberNotNullWhen(true, nameof(Html))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static RenderResult Success(string html) => new(html, null);

    public static RenderResult Failure(ThemeError error) => new(null, error);
}
