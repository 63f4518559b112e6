using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Themes.Lint;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering;
using ResellerKit.Themes.Settings;

namespace ResellerKit.Storefront.Branding;

/// <summary>The theme as the editor and the API see it: the resolved theme, its stored state, and the last render error.</summary>
public sealed record ThemeOverview(Agency Agency, ThemeSource Theme, ThemeState State, string? LastRenderError, DateTimeOffset? LastRenderErrorAt);

/// <summary>A saved change, with the lint warnings it still has (errors block a save; warnings do not).</summary>
public sealed record ThemeSaved(ThemeOverview Theme, IReadOnlyList<LintIssue> Warnings);

/// <summary>
/// Every change to an agency's theme, for the API and the back-office editor alike: checked before it is stored
/// (path, size, lint with the containment scan, settings against the schema), stored as a new version, and evicted
/// from the template cache.
/// </summary>
public sealed class ThemeEditor(EngineDbContext db, ThemeStore store, ThemeLinter linter, ThemeCache cache, ThemeLimits limits)
{
    public async Task<Result<ThemeOverview>> GetAsync(AgencyId agencyId, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return new NotFound("agency");
        }
        var state = await store.GetAsync(agencyId, ct);
        var (error, at) = await store.LastRenderErrorAsync(agencyId, ct);
        return new ThemeOverview(agency, BrandViews.Theme(agency, state), state, error, at);
    }

    public async Task<Result<ThemeSaved>> SaveFileAsync(AgencyId agencyId, string path, string? content, Actor actor, CancellationToken ct)
    {
        path = ThemePaths.Normalize(path);
        if (CheckFile(path, content) is { } invalid)
        {
            return invalid;
        }
        var current = await GetAsync(agencyId, ct);
        if (!current.IsSuccess)
        {
            return current.Error;
        }
        return await SaveCheckedAsync(current.Value.Theme.WithFile(path, content!),
            () => store.SaveFileAsync(agencyId, path, content!, actor, ct), agencyId, ct);
    }

    public async Task<Result<ThemeSaved>> DeleteFileAsync(AgencyId agencyId, string path, Actor actor, CancellationToken ct)
    {
        path = ThemePaths.Normalize(path);
        if (ThemePaths.Problem(path) is { } problem)
        {
            return ValidationFailed.For("path", problem); // Not a theme file's path at all, so there is nothing it could revert.
        }
        var current = await GetAsync(agencyId, ct);
        if (!current.IsSuccess)
        {
            return current.Error;
        }
        if (!current.Value.State.Files.ContainsKey(path))
        {
            return new ThemeSaved(current.Value, []); // Already the base theme's file: nothing to revert.
        }
        return await SaveCheckedAsync(current.Value.Theme.WithoutFile(path), () => store.DeleteFileAsync(agencyId, path, actor, ct), agencyId, ct);
    }

    public async Task<Result<ThemeSaved>> SaveSettingsAsync(AgencyId agencyId, JsonObject values, Actor actor, CancellationToken ct)
    {
        var current = await GetAsync(agencyId, ct);
        if (!current.IsSuccess)
        {
            return current.Error;
        }
        var schema = SettingsSchema.Parse(current.Value.Theme.ReadFile(ThemePaths.SettingsSchema) ?? "[]");
        var errors = schema.Validate(values);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }
        await store.SaveSettingsAsync(agencyId, values.ToJsonString(), actor, ct);
        cache.Evict(agencyId.ToString());
        return new ThemeSaved((await GetAsync(agencyId, ct)).Value, []);
    }

    public async Task<Result<ThemeSaved>> ChangeBaseAsync(AgencyId agencyId, string baseTheme, Actor actor, CancellationToken ct)
    {
        if (CheckBase(baseTheme) is { } invalid)
        {
            return invalid;
        }
        var current = await GetAsync(agencyId, ct);
        if (!current.IsSuccess)
        {
            return current.Error;
        }
        var candidate = ThemeSource.Create(agencyId.ToString(), baseTheme, current.Value.State.Files, current.Value.Theme.Settings);
        return await SaveCheckedAsync(candidate, () => store.ChangeBaseAsync(agencyId, baseTheme, actor, ct), agencyId, ct);
    }

    public async Task<Result<ThemeSaved>> RollbackAsync(AgencyId agencyId, int version, Actor actor, CancellationToken ct)
    {
        var rolled = await store.RollbackAsync(agencyId, version, actor, ct);
        if (!rolled.IsSuccess)
        {
            return rolled.Error;
        }
        cache.Evict(agencyId.ToString());
        return new ThemeSaved((await GetAsync(agencyId, ct)).Value, []);
    }

    private async Task<Result<ThemeSaved>> SaveCheckedAsync(ThemeSource candidate, Func<Task<ThemeState>> save, AgencyId agencyId, CancellationToken ct)
    {
        var warnings = Lint(candidate);
        if (!warnings.IsSuccess)
        {
            return warnings.Error;
        }
        await save();
        cache.Evict(agencyId.ToString());
        return new ThemeSaved((await GetAsync(agencyId, ct)).Value, warnings.Value);
    }

    /// <summary>The lint warnings of a theme about to be stored, or <see cref="ThemeInvalid"/> when it has errors.</summary>
    internal Result<IReadOnlyList<LintIssue>> Lint(ThemeSource candidate)
    {
        var issues = linter.Lint(candidate);
        var errors = issues.Where(i => i.Severity == LintSeverity.Error).ToList();
        return errors.Count > 0
            ? new ThemeInvalid(errors.Select(e => new ThemeProblem(e.Path, e.Line, e.Column, e.Message)).ToList())
            : issues.Where(i => i.Severity != LintSeverity.Error).ToList();
    }

    /// <summary>Why a file cannot be stored at this (normalised) path with this content, or null.</summary>
    internal Error? CheckFile(string path, string? content) =>
        ThemePaths.Problem(path) is { } problem ? ValidationFailed.For("path", problem)
        : content is null ? ValidationFailed.For("content", "Send the file's text as content.")
        : content.Length > limits.MaxFileChars ? new ThemeInvalid([new ThemeProblem(path, 0, 0,
            $"The file has {content.Length:N0} characters; a theme file may have at most {limits.MaxFileChars:N0}.")])
        : content.Contains('\0', StringComparison.Ordinal) ? new ThemeInvalid([new ThemeProblem(path, 0, 0,
            "The file holds a NUL character, which a theme file may not contain (is it a binary file saved as text?).")])
        : null;

    internal static Error? CheckBase(string baseTheme) => BuiltInThemes.Names.Contains(baseTheme)
        ? null
        : ValidationFailed.For("baseTheme", $"baseTheme must be one of: {string.Join(", ", BuiltInThemes.Names)}.");
}
