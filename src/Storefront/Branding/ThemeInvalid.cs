using ResellerKit.Engine.Common;

namespace ResellerKit.Storefront.Branding;

/// <summary>A theme change the engine refuses: each problem names the file, line and column.</summary>
public sealed record ThemeInvalid(IReadOnlyList<ThemeProblem> Errors) : Error("theme_invalid")
{
    public override string Detail => "The theme has errors: " + string.Join("; ", Errors.Take(5).Select(e => e.ToString()));
}

public sealed record ThemeProblem(string Path, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}:{Column}: {Message}" : $"{Path}: {Message}";
}
