namespace ResellerKit.Themes.Rendering.Budget;

/// <summary>Stops a render that broke a rule or ran out of budget; the renderer turns it into a <see cref="ThemeError"/>.</summary>
internal sealed class ThemeRenderException(string message, ThemeError? error = null, string? limit = null) : Exception(message)
{
    /// <summary>A precise error (a snippet's parse error), or null to report <see cref="Exception.Message"/> at the current file.</summary>
    public ThemeError? Error { get; } = error;

    /// <summary>The budget that ran out (<c>time</c>, <c>output</c>, <c>text</c>, <c>list</c>, <c>range</c>, <c>theme_size</c>), or null for a broken rule.</summary>
    public string? Limit { get; } = limit;
}
