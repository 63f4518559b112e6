using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Branding;

/// <summary>
/// Reads and changes an agency's stored (published) theme. Every change bumps the version and keeps a full snapshot,
/// so that the editor can show the history and roll back to any save; the first change also records the theme as it
/// was before it (the base theme, untouched) as version 1, so that the original can be restored. Validation (lint,
/// settings schema, limits) is the theme engine's job, done by the host before it calls here. Every change a person or a
/// key makes is in the agency's audit log, in the same transaction. Drafts: <see cref="ThemeDrafts"/>.
/// </summary>
public sealed class ThemeStore(EngineDbContext db, TimeProvider clock)
{
    public async Task<ThemeState> GetAsync(AgencyId agencyId, CancellationToken ct)
    {
        var theme = await db.AgencyThemes.AsNoTracking().SingleOrDefaultAsync(t => t.AgencyId == agencyId, ct);
        var files = await db.ThemeFiles.AsNoTracking().Where(f => f.AgencyId == agencyId).ToDictionaryAsync(f => f.Path, f => f.Content, ct);
        return new ThemeState(theme?.BaseTheme ?? AgencyTheme.DefaultBase, theme?.SettingsJson ?? "{}", files, theme?.Version ?? 0);
    }

    public Task<ThemeState> SaveFileAsync(AgencyId agencyId, string path, string content, Actor actor, CancellationToken ct) =>
        ChangeAsync(agencyId, $"Saved {path}", new("theme.file_saved", actor, ("path", path)), ct, async (_, now) =>
        {
            var file = await db.ThemeFiles.SingleOrDefaultAsync(f => f.AgencyId == agencyId && f.Path == path, ct);
            if (file is null)
            {
                db.ThemeFiles.Add(ThemeFile.Create(agencyId, path, content, now));
            }
            else
            {
                file.Content = content;
                file.UpdatedAt = now;
            }
        });

    public Task<ThemeState> DeleteFileAsync(AgencyId agencyId, string path, Actor actor, CancellationToken ct) =>
        ChangeAsync(agencyId, $"Reverted {path} to the base theme", new("theme.file_reverted", actor, ("path", path)), ct, async (_, _) =>
            await db.ThemeFiles.Where(f => f.AgencyId == agencyId && f.Path == path).ExecuteDeleteAsync(ct));

    public Task<ThemeState> SaveSettingsAsync(AgencyId agencyId, string settingsJson, Actor actor, CancellationToken ct) =>
        ChangeAsync(agencyId, "Changed theme settings", new("theme.settings_saved", actor), ct, (theme, now) =>
        {
            theme.Bump(null, settingsJson, now);
            return Task.CompletedTask;
        }, bumped: true);

    public Task<ThemeState> ChangeBaseAsync(AgencyId agencyId, string baseTheme, Actor actor, CancellationToken ct) =>
        ChangeAsync(agencyId, $"Switched to the {baseTheme} theme", new("theme.base_changed", actor, ("baseTheme", baseTheme)), ct, (theme, now) =>
        {
            theme.Bump(baseTheme, null, now);
            return Task.CompletedTask;
        }, bumped: true);

    /// <summary>Records a render failure for the editor to show; a theme row is created if the agency never saved one.</summary>
    public async Task RecordRenderErrorAsync(AgencyId agencyId, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var message = error.Length > 2000 ? error[..2000] : error;
        if (await db.AgencyThemes.Where(t => t.AgencyId == agencyId)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastRenderError, message).SetProperty(t => t.LastRenderErrorAt, now), ct) == 0)
        {
            await ChangeAsync(agencyId, "Recorded a render error", null, ct, (_, _) => Task.CompletedTask);
            await RecordRenderErrorAsync(agencyId, error, ct);
        }
    }

    public async Task<(string? Error, DateTimeOffset? At)> LastRenderErrorAsync(AgencyId agencyId, CancellationToken ct)
    {
        var row = await db.AgencyThemes.AsNoTracking().Where(t => t.AgencyId == agencyId)
            .Select(t => new { t.LastRenderError, t.LastRenderErrorAt }).SingleOrDefaultAsync(ct);
        return (row?.LastRenderError, row?.LastRenderErrorAt);
    }

    /// <summary>The published versions, newest first (never the draft).</summary>
    public async Task<IReadOnlyList<ThemeRevision>> RevisionsAsync(AgencyId agencyId, int take, CancellationToken ct) =>
        await db.ThemeRevisions.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Version >= ThemeRevision.Original)
            .OrderByDescending(r => r.Version).Take(take).ToListAsync(ct);

    /// <summary>Restores the theme as it was after <paramref name="version"/>, as a new save (so the rollback itself can be undone).</summary>
    public async Task<Result<ThemeState>> RollbackAsync(AgencyId agencyId, int version, Actor actor, CancellationToken ct)
    {
        var revision = version < ThemeRevision.Original ? null
            : await db.ThemeRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Version == version, ct);
        if (revision is null)
        {
            return new NotFound("theme version");
        }
        return await ChangeAsync(agencyId, $"Rolled back to version {version}", new("theme.rolled_back", actor, ("toVersion", version)), ct,
            Replace(ThemeSnapshot.Read(revision.Snapshot), ct), bumped: true);
    }

    /// <summary>Makes <paramref name="theme"/> (its base, settings and files) the published theme, as a new version.</summary>
    public Task<ThemeState> PublishAsync(AgencyId agencyId, ThemeState theme, string description, Actor actor, CancellationToken ct) =>
        ChangeAsync(agencyId, description, new("theme.published", actor), ct, Replace(theme, ct), bumped: true);

    private Func<AgencyTheme, DateTimeOffset, Task> Replace(ThemeState theme, CancellationToken ct) => async (row, now) =>
    {
        await db.ThemeFiles.Where(f => f.AgencyId == row.AgencyId).ExecuteDeleteAsync(ct);
        db.ThemeFiles.AddRange(theme.Files.Select(f => ThemeFile.Create(row.AgencyId, f.Key, f.Value, now)));
        row.Bump(theme.BaseTheme, theme.SettingsJson, now);
    };

    /// <summary>A change's line in the audit log: its code, who made it, and its details (the new version is added).</summary>
    private sealed record Audited(string Action, Actor Actor, params (string Name, object Value)[] Details)
    {
        public Dictionary<string, object> Changes(int version) =>
            Details.Append(("version", version)).ToDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal);
    }

    // audit is null only for the system's own bookkeeping (a render error), which is no one's change to the theme.
    private async Task<ThemeState> ChangeAsync(
        AgencyId agencyId, string description, Audited? audit, CancellationToken ct, Func<AgencyTheme, DateTimeOffset, Task> change, bool bumped = false)
    {
        var actor = audit?.Actor ?? Actor.System;
        var result = await db.InTransactionAsync<ThemeState>(async token =>
        {
            var now = clock.GetUtcNow();
            var theme = await db.AgencyThemes.SingleOrDefaultAsync(t => t.AgencyId == agencyId, token);
            if (theme is null)
            {
                // The theme before its first change: the base theme as it ships, kept as version 1 to restore.
                theme = AgencyTheme.Create(agencyId, now);
                db.AgencyThemes.Add(theme);
                db.ThemeRevisions.Add(ThemeRevision.Create(agencyId, theme.Version, "Original theme",
                    ThemeSnapshot.Write(new ThemeState(theme.BaseTheme, theme.SettingsJson, new Dictionary<string, string>(), theme.Version)), Actor.System, now));
            }
            await change(theme, now);
            if (!bumped)
            {
                theme.Bump(null, null, now);
            }
            await db.SaveChangesAsync(token);
            var state = await GetAsync(agencyId, token);
            db.ThemeRevisions.Add(ThemeRevision.Create(agencyId, state.Version, description, ThemeSnapshot.Write(state), actor, now));
            if (audit is not null)
            {
                db.AuditEvents.Add(AuditEvent.Record(audit.Actor, audit.Action, agencyId, null, audit.Changes(state.Version), now));
            }
            await db.SaveChangesAsync(token);
            return state;
        }, ct);
        return result.Value;
    }
}
