using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Assist;

/// <summary>Starts, reads and ends assist sessions. The back office decides who may assist which account.</summary>
public sealed class ManageAssist(EngineDbContext db, Mailer mailer, TimeProvider clock)
{
    public async Task<Result<AssistSession>> StartAsync(
        AgencyId agencyId, SubAccountId subAccountId, Guid userId, string userName, string? reason, CancellationToken ct)
    {
        if (reason is null || reason.Trim().Length is < 5 or > 500)
        {
            return ValidationFailed.For("reason", "Say why you are assisting, in 5 to 500 characters; the client will read it in its access log.");
        }
        if (new FieldErrors().Text("reason", reason, 500) is { Any: true } invalid)
        {
            return invalid.ToError();
        }
        var account = await db.SubAccounts.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subAccountId, ct);
        if (account is null)
        {
            return new NotFound("sub-account");
        }
        var now = clock.GetUtcNow();
        var session = AssistSession.Start(agencyId, subAccountId, userId, userName, reason, now, AssistSession.DefaultLength);
        db.AssistSessions.Add(session);
        db.AuditEvents.Add(AuditEvent.Record(session.Actor(await AgencyNameAsync(agencyId, ct)), "assist.started", account.AgencyId, subAccountId,
            new { reason = session.Reason, expiresAt = session.ExpiresAt }, now));
        mailer.Send(new EmailRequest(EmailKind.AssistSessionNotice, account.Email, account.Name, agencyId)
        {
            SubAccountId = subAccountId, OtherParty = userName, Reason = session.Reason, ExpiresAt = session.ExpiresAt, ActionPath = "/admin/access-log",
        });
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>The session if it is still live for this user; an expired or ended one is not.</summary>
    public async Task<AssistSession?> LiveAsync(Guid sessionId, Guid userId, CancellationToken ct)
    {
        var session = await db.AssistSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, ct);
        return session is not null && session.IsLive(clock.GetUtcNow()) ? session : null;
    }

    public async Task EndAsync(Guid sessionId, Guid userId, CancellationToken ct)
    {
        var session = await db.AssistSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, ct);
        if (session is null || session.EndedAt is not null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        session.End(now);
        var account = await db.SubAccounts.AsNoTracking().SingleAsync(s => s.Id == session.SubAccountId, ct);
        db.AuditEvents.Add(AuditEvent.Record(session.Actor(await AgencyNameAsync(session.AgencyId, ct)), "assist.ended", account.AgencyId, account.Id, null, now));
        await db.SaveChangesAsync(ct);
    }

    private Task<string> AgencyNameAsync(AgencyId agencyId, CancellationToken ct) =>
        db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Branding.DisplayName ?? a.Name).SingleAsync(ct);

    /// <summary>The client's access log: assist sessions, every action taken on its account by someone else's hand, and changes of its owner.</summary>
    public async Task<IReadOnlyList<AuditEvent>> AccessLogAsync(SubAccountId subAccountId, int take, CancellationToken ct) =>
        await db.AuditEvents.AsNoTracking().Where(e => e.SubAccountId == subAccountId && (e.RealActorId != null
                // A change of owner is recorded on both sides; the account shows its current owner's record.
                || (e.Action.StartsWith("ownership.") && e.AgencyId == db.SubAccounts.Where(s => s.Id == subAccountId).Select(s => s.AgencyId).First())))
            .OrderByDescending(e => e.Id).Take(take).ToListAsync(ct);
}
