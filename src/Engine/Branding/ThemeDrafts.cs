using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Branding;

/// <summary>
/// An agency's unpublished theme: the back-office editor saves here, the preview renders it, and
/// <see cref="PublishAsync"/> makes it the live theme (a new version in the history). It is kept as the revision with
/// version <see cref="ThemeRevision.Draft"/>, one per agency. A draft's <see cref="ThemeState.Version"/> is a hash of its
/// content, so that a compiled template cached for one draft is never served for another.
/// </summary>
public sealed class ThemeDrafts(EngineDbContext db, ThemeStore store, TimeProvider clock)
{
    /// <summary>The draft, or null when the agency has no unpublished changes.</summary>
    public async Task<ThemeState?> GetAsync(AgencyId agencyId, CancellationToken ct)
    {
        var row = await db.ThemeRevisions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Version == ThemeRevision.Draft, ct);
        return row is null ? null : ThemeSnapshot.Read(row.Snapshot, VersionOf(row.Snapshot));
    }

    /// <summary>Who saved the draft last, and when.</summary>
    public async Task<(string By, DateTimeOffset At)?> SavedAsync(AgencyId agencyId, CancellationToken ct) =>
        await db.ThemeRevisions.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Version == ThemeRevision.Draft)
            .Select(r => new { r.ActorName, r.CreatedAt }).SingleOrDefaultAsync(ct) is { } row ? (row.ActorName, row.CreatedAt) : null;

    public async Task<ThemeState> SaveAsync(AgencyId agencyId, ThemeState draft, string description, Actor actor, CancellationToken ct)
    {
        var snapshot = ThemeSnapshot.Write(draft);
        var row = await db.ThemeRevisions.SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Version == ThemeRevision.Draft, ct);
        if (row is null)
        {
            db.ThemeRevisions.Add(ThemeRevision.Create(agencyId, ThemeRevision.Draft, description, snapshot, actor, clock.GetUtcNow()));
        }
        else
        {
            row.Replace(description, snapshot, actor, clock.GetUtcNow());
        }
        await db.SaveChangesAsync(ct);
        return draft with { Version = VersionOf(snapshot) };
    }

    public Task DiscardAsync(AgencyId agencyId, CancellationToken ct) =>
        db.ThemeRevisions.Where(r => r.AgencyId == agencyId && r.Version == ThemeRevision.Draft).ExecuteDeleteAsync(ct);

    /// <summary>Makes the draft the live theme and ends it; null when there is no draft.</summary>
    public async Task<ThemeState?> PublishAsync(AgencyId agencyId, Actor actor, CancellationToken ct)
    {
        if (await GetAsync(agencyId, ct) is not { } draft)
        {
            return null;
        }
        var published = await store.PublishAsync(agencyId, draft, "Published the draft", actor, ct);
        await DiscardAsync(agencyId, ct);
        return published;
    }

    private static int VersionOf(string snapshot) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(snapshot))) & 0x7fffffff;
}
