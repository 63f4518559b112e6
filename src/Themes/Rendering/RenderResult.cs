using System.Diagnostics.CodeAnalysis;

namespace ResellerKit.Themes.Rendering;

/// <summary>
/// The HTML of a rendered page, or the <see cref="ThemeError"/> that stopped it. Rendering never throws for a bad theme.
/// A page that rendered may still carry a <see cref="Problem"/>: something it skipped, for the editor to show.
/// </summary>
public sealed class RenderResult
{
    private RenderResult(string? html, ThemeError? error, ThemeError? problem = null)
    {
        Html = html;
        Error = error;
        Problem = problem;
    }

    public string? Html { get; }

    public ThemeError? Error { get; }

    /// <summary>On a page that rendered, the first tag it skipped (a render or include naming no snippet of the theme); else null.</summary>
    public ThemeError? Problem { get; }

    [MemberNotNullWhen(true, nameof(Html))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static RenderResult Success(string html, ThemeError? problem = null) => new(html, null, problem);

    public static RenderResult Failure(ThemeError error) => new(null, error);
}
