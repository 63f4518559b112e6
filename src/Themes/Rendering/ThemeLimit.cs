namespace ResellerKit.Themes.Rendering;

/// <summary>Which budget of <see cref="ThemeLimits"/> stopped a theme: reported with the error and counted in metrics.</summary>
public enum ThemeLimit
{
    FileSize,
    ThemeSize,
    ParserDepth,
    Collection,
    Output,
    Steps,
    Recursion,
    Memory,
    Time,
    Concurrency,
}
