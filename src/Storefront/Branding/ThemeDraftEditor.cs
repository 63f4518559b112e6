using System.Text.Json.Nodes;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Common;
using ResellerKit.Themes.Lint;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering;
using ResellerKit.Themes.Settings;

namespace ResellerKit.Storefront.Branding;

/// <summary>What the back-office editor shows: the live theme, and the draft it edits (the live theme when there is none).</summary>
public sealed record ThemeDraftView(ThemeOverview Live, ThemeSource Draft, ThemeState DraftState, bool HasDraft, string? SavedBy, DateTimeOffset? SavedAt);

/// <summary>A change saved to the draft, with the lint warnings it still has.</summary>
public sealed record ThemeDraftSaved(ThemeDraftView Theme, IReadOnlyList<LintIssue> Warnings);

/// <summary>
/// The back office's theme editing: every change is checked exactly as a live save is (<see cref="ThemeEditor"/>) but
/// goes to the agency's draft, which only the preview shows, until <see cref="PublishAsync"/>. The API keeps writing
/// the live theme (API.md's theme routes are unchanged).
/// </summary>
public sealed class ThemeDraftEditor(ThemeEditor editor, ThemeDrafts drafts, ThemeCache cache)
{
    public async Task<Result<ThemeDraftView>> GetAsync(AgencyId agencyId, CancellationToken ct)
    {
        var live = await editor.GetAsync(agencyId, ct);
        if (!live.IsSuccess)
        {
            return live.Error;
        }
        var draft = await drafts.GetAsync(agencyId, ct);
        var saved = await drafts.SavedAsync(agencyId, ct);
        var state = draft ?? live.Value.State;
        var source = draft is null ? live.Value.Theme : BrandViews.DraftTheme(live.Value.Agency, draft);
        return new ThemeDraftView(live.Value, source, state, draft is not null, saved?.By, saved?.At);
    }

    public Task<Result<ThemeDraftSaved>> SaveFileAsync(AgencyId agencyId, string path, string? content, Actor actor, CancellationToken ct)
    {
        path = ThemePaths.Normalize(path);
        return editor.CheckFile(path, content) is { } invalid
            ? Task.FromResult<Result<ThemeDraftSaved>>(invalid)
            : ChangeAsync(agencyId, $"Saved {path}", actor, ct,
                (_, state) => state with { Files = new Dictionary<string, string>(state.Files) { [path] = content! } });
    }

    public Task<Result<ThemeDraftSaved>> RevertFileAsync(AgencyId agencyId, string path, Actor actor, CancellationToken ct)
    {
        path = ThemePaths.Normalize(path);
        return ChangeAsync(agencyId, $"Reverted {path} to the base theme", actor, ct,
            (_, state) => state with { Files = state.Files.Where(f => f.Key != path).ToDictionary() });
    }

    public Task<Result<ThemeDraftSaved>> SaveSettingsAsync(AgencyId agencyId, JsonObject values, Actor actor, CancellationToken ct) =>
        ChangeAsync(agencyId, "Changed theme settings", actor, ct, (draft, state) =>
        {
            var errors = SettingsSchema.Parse(draft.ReadFile(ThemePaths.SettingsSchema) ?? "[]").Validate(values);
            return errors.Count > 0 ? new ValidationFailed(errors) : state with { SettingsJson = values.ToJsonString() };
        });

    public Task<Result<ThemeDraftSaved>> ChangeBaseAsync(AgencyId agencyId, string baseTheme, Actor actor, CancellationToken ct) =>
        ThemeEditor.CheckBase(baseTheme) is { } invalid
            ? Task.FromResult<Result<ThemeDraftSaved>>(invalid)
            : ChangeAsync(agencyId, $"Switched to the {baseTheme} theme", actor, ct, (_, state) => state with { BaseTheme = baseTheme });

    /// <summary>Makes the draft the live theme (a new version in the history); nothing to publish is a conflict.</summary>
    public async Task<Result<ThemeSaved>> PublishAsync(AgencyId agencyId, Actor actor, CancellationToken ct)
    {
        if (await drafts.PublishAsync(agencyId, actor, ct) is null)
        {
            return new Conflict("There are no unpublished changes to publish.");
        }
        cache.Evict(agencyId.ToString());
        cache.Evict(BrandViews.DraftKey(agencyId));
        return new ThemeSaved((await editor.GetAsync(agencyId, ct)).Value, []);
    }

    public async Task DiscardAsync(AgencyId agencyId, CancellationToken ct)
    {
        await drafts.DiscardAsync(agencyId, ct);
        cache.Evict(BrandViews.DraftKey(agencyId));
    }

    private async Task<Result<ThemeDraftSaved>> ChangeAsync(
        AgencyId agencyId, string description, Actor actor, CancellationToken ct, Func<ThemeSource, ThemeState, Result<ThemeState>> change)
    {
        var current = await GetAsync(agencyId, ct);
        if (!current.IsSuccess)
        {
            return current.Error;
        }
        var changed = change(current.Value.Draft, current.Value.DraftState);
        if (!changed.IsSuccess)
        {
            return changed.Error;
        }
        var warnings = editor.Lint(BrandViews.DraftTheme(current.Value.Live.Agency, changed.Value));
        if (!warnings.IsSuccess)
        {
            return warnings.Error;
        }
        await drafts.SaveAsync(agencyId, changed.Value, description, actor, ct);
        cache.Evict(BrandViews.DraftKey(agencyId));
        return new ThemeDraftSaved((await GetAsync(agencyId, ct)).Value, warnings.Value);
    }
}
