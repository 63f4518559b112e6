using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Embedding;

/// <summary>Opens, looks up and revokes the widget sessions behind client secrets. Every lookup is scoped to one agency.</summary>
public sealed class WidgetSessions(EngineDbContext db, Plans.SubAccountFeatures features, TimeProvider clock)
{
    public async Task<Result<WidgetSession>> OpenAsync(AgencyId agencyId, SubAccountId subAccountId, TimeSpan? lifetime, CancellationToken ct)
    {
        if (lifetime is { } requested && (requested < TimeSpan.FromMinutes(1) || requested > WidgetSession.MaxLifetime))
        {
            return ValidationFailed.For("expiresInSeconds", $"Choose between 60 and {WidgetSession.MaxLifetime.TotalSeconds:0} seconds.");
        }
        var subAccount = await db.SubAccounts.AsNoTracking().WithSpecification(new SubAccountByIdSpec(Tenant.Of(agencyId), subAccountId)).SingleOrDefaultAsync(ct);
        if (subAccount is null)
        {
            return new NotFound("sub-account");
        }
        var allowed = await features.RequireAsync(subAccount, Plans.Features.Widget, ct);
        if (!allowed.IsSuccess)
        {
            return allowed.Error;
        }
        var session = WidgetSession.Open(agencyId, subAccountId, clock.GetUtcNow(), lifetime ?? WidgetSession.MaxLifetime);
        db.WidgetSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>
    /// The session if it belongs to the agency, is not revoked, has not expired and its sub-account's plan still
    /// includes the widget; otherwise null.
    /// </summary>
    public async Task<WidgetSession?> ActiveAsync(AgencyId agencyId, WidgetSessionId id, CancellationToken ct)
    {
        var session = await db.WidgetSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.AgencyId == agencyId, ct);
        if (session is null || !session.IsActiveAt(clock.GetUtcNow()))
        {
            return null;
        }
        var subAccount = await db.SubAccounts.AsNoTracking().SingleAsync(s => s.Id == session.SubAccountId, ct);
        return (await features.EffectiveAsync(subAccount, ct)).HasFlag(Plans.Features.Widget) ? session : null;
    }

    public async Task<Result<Done>> RevokeAsync(AgencyId agencyId, WidgetSessionId id, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = await db.WidgetSessions.SingleOrDefaultAsync(s => s.Id == id && s.AgencyId == agencyId, ct);
        if (session is null)
        {
            return new NotFound("widget session");
        }
        if (session.RevokedAt is null)
        {
            session.Revoke(now);
            db.AuditEvents.Add(AuditEvent.Record(actor, "widget_session.revoked", agencyId, session.SubAccountId, new { sessionId = id }, now));
            await db.SaveChangesAsync(ct);
        }
        return Done.Value;
    }

    /// <summary>Signs a sub-account out of every widget at once; answers how many live sessions were revoked.</summary>
    public async Task<Result<int>> RevokeAllAsync(AgencyId agencyId, SubAccountId subAccountId, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var exists = await db.SubAccounts.AsNoTracking().WithSpecification(new SubAccountByIdSpec(Tenant.Of(agencyId), subAccountId)).AnyAsync(ct);
        if (!exists)
        {
            return new NotFound("sub-account");
        }
        var live = await db.WidgetSessions
            .Where(s => s.AgencyId == agencyId && s.SubAccountId == subAccountId && s.RevokedAt == null)
            .ToListAsync(ct);
        live = live.Where(s => s.IsActiveAt(now)).ToList();
        foreach (var session in live)
        {
            session.Revoke(now);
        }
        db.AuditEvents.Add(AuditEvent.Record(actor, "widget_session.revoked_all", agencyId, subAccountId, new { count = live.Count }, now));
        await db.SaveChangesAsync(ct);
        return live.Count;
    }
}
