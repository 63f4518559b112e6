using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Recharges;

/// <summary>
/// Stops charging a client's card automatically until the agency saves the auto-recharge settings again, and tells the
/// client and the agency why. Runs inside the caller's transaction (the caller saves); a sub-account paused already
/// is left as it is, and nobody is told twice. The pause records its cause: a pause that failed charges caused is
/// lifted when one of those charges is paid after all (<see cref="LiftFailurePauseAsync"/>).
/// </summary>
public sealed class AutoRechargePause(EngineDbContext db, Mailer mailer)
{
    public async Task PauseAsync(SubAccount subAccount, AutoRechargePauseCause cause, string why, DateTimeOffset now, CancellationToken ct)
    {
        var reason = Clip.To(500, why);
        var paused = await db.SubAccounts.Where(s => s.Id == subAccount.Id && s.AutoRechargePausedAt == null).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.AutoRechargePausedAt, (DateTimeOffset?)now)
            .SetProperty(s => s.AutoRechargePauseReason, reason)
            .SetProperty(s => s.AutoRechargePauseCause, (AutoRechargePauseCause?)cause), ct);
        if (paused == 0)
        {
            return;
        }
        db.AuditEvents.Add(AuditEvent.Record(Actor.System, "recharge.paused", subAccount.AgencyId, subAccount.Id, new { reason }, now));
        var agency = subAccount.Agency!;
        mailer.Send(new EmailRequest(EmailKind.AutoRechargePaused, subAccount.Email, subAccount.Name, agency.Id)
        {
            SubAccountId = subAccount.Id, OtherParty = subAccount.Name, Reason = reason,
        });
        mailer.Send(new EmailRequest(EmailKind.AutoRechargePaused, agency.OwnerEmail, agency.Name, agency.Id)
        {
            SubAccountId = subAccount.Id, OtherParty = subAccount.Name, Reason = reason,
        });
    }

    /// <summary>
    /// Lifts a pause that failed charges caused, never one a lost dispute caused: <paramref name="recharge"/>, counted as
    /// failed, was paid after all. Records it in the audit log, as the pause was (<c>recharge.resumed</c>). Runs inside
    /// the caller's transaction; false when no such pause was in force.
    /// </summary>
    public async Task<bool> LiftFailurePauseAsync(SubAccount subAccount, RechargeId recharge, DateTimeOffset now, CancellationToken ct)
    {
        var lifted = await db.SubAccounts
            .Where(s => s.Id == subAccount.Id && s.AutoRechargePausedAt != null && s.AutoRechargePauseCause == AutoRechargePauseCause.Failures)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.AutoRechargePausedAt, (DateTimeOffset?)null)
                .SetProperty(s => s.AutoRechargePauseReason, (string?)null)
                .SetProperty(s => s.AutoRechargePauseCause, (AutoRechargePauseCause?)null), ct);
        if (lifted == 0)
        {
            return false;
        }
        db.AuditEvents.Add(AuditEvent.Record(Actor.System, "recharge.resumed", subAccount.AgencyId, subAccount.Id,
            new { rechargeId = recharge, reason = "a charge counted as failed was paid after all" }, now));
        return true;
    }
}
