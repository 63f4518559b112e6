using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Webhooks;

namespace ResellerKit.Engine.Recharges;

/// <summary>
/// What a debit decides about the balance it leaves, inside the debit's own transaction (so a rolled-back debit decides
/// nothing, and a committed one cannot lose its decision): a low-balance alert, at most once a day, and one recharge
/// when the balance fell below the threshold. The sub-account's row is locked by the debit, and the recharge is
/// claimed by a conditional UPDATE of <c>OpenRechargeId</c>, so concurrent debits open exactly one.
/// </summary>
public sealed class RechargeTrigger(
    EngineDbContext db, LedgerWriter ledger, WebhookEvents webhooks, Mailer mailer, OutboxWriter outbox, IOptions<RechargeOptions> options)
{
    public const string StripeTopic = "recharge.stripe";

    public async Task AfterDebitAsync(SubAccountId id, DateTimeOffset now, CancellationToken ct)
    {
        var subAccount = await db.SubAccounts.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        if (subAccount.CreditMode != CreditMode.Reselling)
        {
            return;
        }
        var balance = await ledger.BalanceAsync(subAccount.WalletId, ct);
        await AlertIfLowAsync(subAccount, balance, now, ct);
        await OpenIfBelowThresholdAsync(subAccount, balance, now, ct);
    }

    private async Task AlertIfLowAsync(SubAccount subAccount, long balance, DateTimeOffset now, CancellationToken ct)
    {
        if (subAccount.LowBalanceAlert is not { } alert || balance >= alert.ThresholdCredits)
        {
            return;
        }
        var cutoff = now - options.Value.LowBalanceAlertInterval;
        var claimed = await db.SubAccounts
            .Where(s => s.Id == subAccount.Id && (s.LowBalanceAlertedAt == null || s.LowBalanceAlertedAt <= cutoff))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LowBalanceAlertedAt, now), ct);
        if (claimed == 0)
        {
            return; // Already told today.
        }
        foreach (var to in alert.Recipients.Prepend(subAccount.Email).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            mailer.Send(new EmailRequest(EmailKind.LowBalance, to, subAccount.Name, subAccount.AgencyId)
            {
                SubAccountId = subAccount.Id,
                Balance = balance,
                Threshold = alert.ThresholdCredits,
            });
        }
        await webhooks.PublishAsync(subAccount.AgencyId, WebhookEventTypes.BalanceLow,
            new { subAccountId = subAccount.Id, balance, thresholdCredits = alert.ThresholdCredits }, ct, subAccount.Id);
    }

    private async Task OpenIfBelowThresholdAsync(SubAccount subAccount, long balance, DateTimeOffset now, CancellationToken ct)
    {
        if (subAccount.AutoRecharge is not { Enabled: true } settings || subAccount.AutoRechargePausedAt is not null
            || subAccount.OpenRechargeId is not null || balance >= settings.ThresholdCredits)
        {
            return;
        }
        if (await LimitReachedAsync(subAccount, settings, now, ct) is { } reason)
        {
            await db.SubAccounts.Where(s => s.Id == subAccount.Id).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.AutoRechargeSkipReason, reason)
                .SetProperty(s => s.AutoRechargeSkippedAt, now), ct);
            return;
        }

        var expiresAt = settings.Provider == RechargeProvider.Webhook ? now + options.Value.WebhookGrantTimeout : (DateTimeOffset?)null;
        var recharge = Recharge.Open(subAccount.AgencyId, subAccount.Id, settings.Provider, balance, settings.ThresholdCredits,
            settings.TargetCredits, now, expiresAt);
        var claimed = await db.SubAccounts
            .Where(s => s.Id == subAccount.Id && s.OpenRechargeId == null && s.AutoRechargeEnabled && s.AutoRechargePausedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.OpenRechargeId, (RechargeId?)recharge.Id), ct);
        if (claimed == 0)
        {
            return; // One is open already.
        }
        db.Recharges.Add(recharge);
        db.AuditEvents.Add(AuditEvent.Record(Actor.System, "recharge.opened", subAccount.AgencyId, subAccount.Id,
            new { rechargeId = recharge.Id, provider = settings.Provider.ToString(), recharge.CreditsRequested, balance }, now));
        if (settings.Provider == RechargeProvider.Stripe)
        {
            outbox.Enqueue(StripeTopic, $"recharge-{recharge.Id}", recharge.Id.ToString(), subAccount.AgencyId);
            return;
        }
        var message = await webhooks.PublishAsync(subAccount.AgencyId, WebhookEventTypes.RechargeRequested,
            new { rechargeId = recharge.Id, subAccountId = subAccount.Id, creditsRequested = recharge.CreditsRequested, balance },
            ct, subAccount.Id, recharge.Id);
        if (message is null)
        {
            recharge.Note("no_endpoint",
                $"The agency has no enabled webhook endpoint subscribed to {WebhookEventTypes.RechargeRequested}; the request could not be sent.");
        }
    }

    private async Task<string?> LimitReachedAsync(SubAccount subAccount, AutoRechargeSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        if (settings.Provider == RechargeProvider.Stripe && subAccount.AutoRechargeCapReachedMonth == SubAccount.MonthOf(now))
        {
            return "monthly_spend_cap: this month's auto-recharge spend cap is reached.";
        }
        if (settings.MaxPerDay is { } max)
        {
            var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
            var today = await db.Recharges.CountAsync(r => r.SubAccountId == subAccount.Id && r.OpenedAt >= dayStart
                && r.State != RechargeState.Skipped, ct);
            if (today >= max)
            {
                return $"max_per_day: {today} recharges were opened today, the most allowed is {max}.";
            }
        }
        return null;
    }
}
