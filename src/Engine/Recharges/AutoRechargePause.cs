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
/// is left as it is, and nobody is told twice.
/// </summary>
public sealed class AutoRechargePause(EngineDbContext db, Mailer mailer)
{
    public async Task PauseAsync(SubAccount subAccount, string why, DateTimeOffset now, CancellationToken ct)
    {
        var reason = Clip.To(500, why);
        var paused = await db.SubAccounts.Where(s => s.Id == subAccount.Id && s.AutoRechargePausedAt == null).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.AutoRechargePausedAt, (DateTimeOffset?)now)
            .SetProperty(s => s.AutoRechargePauseReason, reason), ct);
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
}
