using System.Text.Json.Nodes;
using ResellerKit.Engine.Branding;
using ResellerKit.Storefront.Branding;
using ResellerKit.Themes.Lint;

namespace ResellerKit.Storefront.Api.Themes;

public sealed record ThemeResponse(
    string BaseTheme, JsonObject Settings, IReadOnlyList<string> Files, IReadOnlyList<string> Overrides, int Version,
    string? LastRenderError, DateTimeOffset? LastRenderErrorAt, IReadOnlyList<ThemeWarning> Warnings)
{
    public static ThemeResponse From(ThemeOverview o, IReadOnlyList<LintIssue>? warnings = null) => new(
        o.State.BaseTheme, o.Theme.Settings, o.Theme.Paths.ToList(), o.State.Files.Keys.Order(StringComparer.Ordinal).ToList(), o.State.Version,
        o.LastRenderError, o.LastRenderErrorAt, (warnings ?? []).Select(w => new ThemeWarning(w.Path, w.Line, w.Column, w.Message)).ToList());
}

public sealed record ThemeWarning(string Path, int Line, int Column, string Message);

public sealed record ThemeFileRequest(string? Content);

public sealed record ThemeFileResponse(string Path, string Content, bool Overridden);

public sealed record BaseThemeRequest(string? BaseTheme);

public sealed record ThemeRevisionResponse(int Version, string Description, string Actor, DateTimeOffset CreatedAt)
{
    public static ThemeRevisionResponse From(ThemeRevision r) => new(r.Version, r.Description, r.ActorName, r.CreatedAt);
}
