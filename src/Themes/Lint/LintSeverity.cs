namespace ResellerKit.Themes.Lint;

/// <summary>An error blocks saving the theme (422 <c>theme_invalid</c>); a warning is shown but does not.</summary>
public enum LintSeverity
{
    Error,
    Warning,
}
