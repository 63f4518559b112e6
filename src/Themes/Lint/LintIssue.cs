namespace ResellerKit.Themes.Lint;

/// <summary>One finding of <see cref="ThemeLinter"/>, at a place in a theme file (line and column are 1-based, 0 for the whole file).</summary>
public sealed record LintIssue(string Path, int Line, int Column, LintSeverity Severity, string Message)
{
    public override string ToString() =>
        $"{Path}:{Line}:{Column}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}
