using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Embedding;

/// <summary>The web origins on which an agency allows its widget. Replaced as a whole, as the settings page saves it.</summary>
public sealed class WidgetOrigins(EngineDbContext db, TimeProvider clock)
{
    public const int MaxOrigins = 50;

    public async Task<IReadOnlyList<string>> ListAsync(AgencyId agencyId, CancellationToken ct) =>
        await db.WidgetOrigins.AsNoTracking().Where(o => o.AgencyId == agencyId).OrderBy(o => o.Origin).Select(o => o.Origin).ToListAsync(ct);

    public async Task<bool> IsAllowedAsync(AgencyId agencyId, string origin, CancellationToken ct) =>
        EmbeddingOrigin.Normalize(origin) is { } normalized
        && await db.WidgetOrigins.AnyAsync(o => o.AgencyId == agencyId && o.Origin == normalized, ct);

    public async Task<Result<IReadOnlyList<string>>> ReplaceAsync(AgencyId agencyId, IReadOnlyList<string?>? origins, Actor actor, CancellationToken ct)
    {
        if (origins is null)
        {
            return ValidationFailed.For("origins", "Send origins: an array of origins such as https://www.example.com (empty to allow none).");
        }
        var errors = new FieldErrors().When(origins.Count > MaxOrigins, "origins", $"At most {MaxOrigins} origins.");
        var normalized = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < origins.Count; i++)
        {
            if (EmbeddingOrigin.Normalize(origins[i], out var problem) is { } origin)
            {
                normalized.Add(origin);
            }
            else
            {
                errors.Add($"origins[{i}]", $"'{origins[i]}' {problem}.");
            }
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
        {
            return new NotFound("agency");
        }

        var now = clock.GetUtcNow();
        var before = await ListAsync(agencyId, ct);
        await db.InTransactionAsync<Done>(async token =>
        {
            await db.WidgetOrigins.Where(o => o.AgencyId == agencyId).ExecuteDeleteAsync(token);
            db.WidgetOrigins.AddRange(normalized.Select(o => WidgetOrigin.Allow(agencyId, o, now)));
            db.AuditEvents.Add(AuditEvent.Record(actor, "agency.widget_origins_updated", agencyId, null, new { before, after = normalized }, now));
            await db.SaveChangesAsync(token);
            return Done.Value;
        }, ct);
        return normalized.ToList();
    }
}
