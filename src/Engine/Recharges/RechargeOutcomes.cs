using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Webhooks;

namespace ResellerKit.Engine.Recharges;

/// <summary>
/// Closes a Stripe recharge, each outcome in one transaction with its consequences: the grant (exactly once: a
/// conditional UPDATE on the recharge and the unique ledger key <c>recharge:{id}</c>; the account's debt from refunds repaid
/// first, <see cref="DebtRepayment"/>), the failure count and the pause
/// after <see cref="RechargeOptions.MaxConsecutiveFailures"/>, and the emails and webhooks that tell people.
/// </summary>
public sealed class RechargeOutcomes(
    EngineDbContext db, LedgerWriter ledger, DebtRepayment debts, Mailer mailer, AutoRechargePause pause, WebhookEvents webhooks, IOptions<RechargeOptions> options, TimeProvider clock,
    ILogger<RechargeOutcomes> logger)
{
    public const string SpendCapCode = "monthly_spend_cap";

    /// <summary>
    /// Grants the recharge, open or closed meanwhile (failed, skipped) as long as it was never granted: the client paid.
    /// False when it had been granted already (by a racing retry or webhook); nothing is granted twice.
    /// </summary>
    public async Task<bool> SucceedAsync(Recharge recharge, SubAccount subAccount, string? paymentIntentId, CancellationToken ct)
    {
        var result = await db.InTransactionAsync<bool>(async token =>
        {
            var now = clock.GetUtcNow();
            await SubAccountLock.TakeAsync(db, subAccount.Id, token);
            // Where the account is now, under the row lock a hand-over takes too: the agency that sold the recharge
            // issues the credits it was paid for, into the wallet the account has today (as a checkout's grant does).
            var (wallet, issuance) = await GrantTargets.OfAsync(db, subAccount, recharge.AgencyId, token);
            var posted = await ledger.TransferAsync(issuance, wallet, new Credits.Credits(recharge.CreditsRequested),
                new TransferDetails(recharge.AgencyId, subAccount.Id, TransactionType.Recharge)
                {
                    Description = "Auto-recharge",
                    Reference = recharge.Id.ToString(),
                    IdempotencyKey = $"recharge:{recharge.Id}",
                    At = now,
                }, token);
            if (!posted.IsSuccess)
            {
                throw new InvalidOperationException($"Granting recharge {recharge.Id} failed: {posted.Error.Detail}");
            }
            var closed = await db.Recharges.Where(r => r.Id == recharge.Id && r.GrantTransactionId == null).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.State, RechargeState.Granted)
                .SetProperty(r => r.PaymentIntentId, paymentIntentId)
                .SetProperty(r => r.FailureCode, (string?)null) // a failure or skip Stripe's word overrode: the client paid after all
                .SetProperty(r => r.FailureReason, (string?)null)
                .SetProperty(r => r.GrantTransactionId, (TransactionId?)posted.Value.Id)
                .SetProperty(r => r.CreditsGranted, (long?)recharge.CreditsRequested)
                .SetProperty(r => r.GrantedAt, (DateTimeOffset?)now)
                .SetProperty(r => r.ClosedAt, (DateTimeOffset?)now), token);
            if (closed == 0)
            {
                return new Conflict("granted already"); // Rolls the transfer back: it was granted once already.
            }
            await debts.RepayAsync(subAccount.Id, wallet, recharge.AgencyId, recharge.CreditsRequested, posted.Value.Id, recharge.Id.ToString(), now, token);
            await OpenRecharges.ReleaseAsync(db, subAccount.Id, recharge.Id, token);
            // An account handed over since the sale is another agency's: its auto-recharge, failures, pause and balance
            // are its new owner's, which a late payment to the old one neither resets nor reports.
            var stillTheSellers = wallet.AgencyId == recharge.AgencyId;
            if (stillTheSellers)
            {
                await db.SubAccounts.Where(s => s.Id == subAccount.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.AutoRechargeFailures, 0), token);
            }
            if (stillTheSellers && recharge.State == RechargeState.Failed)
            {
                // A charge counted as failed went through after all: the failures it ended no longer hold a pause.
                await pause.LiftFailurePauseAsync(subAccount, recharge.Id, now, token);
            }
            db.AuditEvents.Add(AuditEvent.Record(Actor.System, "recharge.charged", recharge.AgencyId, subAccount.Id,
                new { rechargeId = recharge.Id, recharge.CreditsRequested, recharge.Amount, recharge.Currency, paymentIntentId }, now));
            if (stillTheSellers)
            {
                var balance = await ledger.BalanceAsync(wallet.Id, token);
                await webhooks.PublishAsync(recharge.AgencyId, WebhookEventTypes.Purchased, new
                {
                    subAccountId = subAccount.Id, rechargeId = recharge.Id, credits = recharge.CreditsRequested, amount = recharge.Amount,
                    currency = recharge.Currency, balance, source = "auto_recharge",
                }, token, subAccount.Id, recharge.Id);
            }
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        if (!result.IsSuccess)
        {
            logger.LogWarning("Recharge {RechargeId} was paid ({PaymentIntent}) but had been granted already; no second grant", recharge.Id, paymentIntentId);
        }
        return result.IsSuccess;
    }

    public async Task FailAsync(
        Recharge recharge, SubAccount subAccount, string code, string reason, string? paymentIntentId, string? recoveryUrl, CancellationToken ct)
    {
        await db.InTransactionAsync<bool>(async token =>
        {
            var now = clock.GetUtcNow();
            if (!await CloseAsync(recharge, RechargeState.Failed, code, reason, paymentIntentId, recoveryUrl, now, token))
            {
                return false;
            }
            await db.SubAccounts.Where(s => s.Id == subAccount.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.AutoRechargeFailures, s => s.AutoRechargeFailures + 1), token);
            var failures = await db.SubAccounts.Where(s => s.Id == subAccount.Id).Select(s => s.AutoRechargeFailures).SingleAsync(token);
            db.AuditEvents.Add(AuditEvent.Record(Actor.System, "recharge.failed", recharge.AgencyId, subAccount.Id,
                new { rechargeId = recharge.Id, code, reason, failures }, now));
            if (code == "authentication_required" && recoveryUrl is not null)
            {
                mailer.Send(new EmailRequest(EmailKind.RechargeNeedsAuthentication, subAccount.Email, subAccount.Name, recharge.AgencyId)
                {
                    SubAccountId = subAccount.Id,
                    ActionUrl = recoveryUrl,
                    Credits = recharge.CreditsRequested,
                    AmountMinor = recharge.Amount,
                    Currency = recharge.Currency,
                    Reference = recharge.Id.ToString(),
                });
            }
            if (failures >= options.Value.MaxConsecutiveFailures)
            {
                // Three failures in a row: stop charging until the agency saves the settings again.
                await pause.PauseAsync(subAccount, AutoRechargePauseCause.Failures, $"{failures} automatic payments in a row failed (last: {reason})", now, token);
            }
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
    }

    /// <summary>
    /// Closes the recharge uncharged, by the sub-account's own settings: its monthly spend cap (<see cref="SpendCapCode"/>,
    /// which also stops new recharges this month), or auto-recharge turned off or paused before the card was charged.
    /// </summary>
    public async Task SkipAsync(Recharge recharge, SubAccount subAccount, string code, string reason, CancellationToken ct)
    {
        await db.InTransactionAsync<bool>(async token =>
        {
            var now = clock.GetUtcNow();
            if (!await CloseAsync(recharge, RechargeState.Skipped, code, reason, null, null, now, token))
            {
                return false;
            }
            await db.SubAccounts.Where(s => s.Id == subAccount.Id).ExecuteUpdateAsync(set =>
            {
                set.SetProperty(s => s.AutoRechargeSkipReason, Clip.To(500, reason))
                    .SetProperty(s => s.AutoRechargeSkippedAt, (DateTimeOffset?)now);
                if (code == SpendCapCode)
                {
                    set.SetProperty(s => s.AutoRechargeCapReachedMonth, SubAccount.MonthOf(now)); // No new recharge this month.
                }
            }, token);
            db.AuditEvents.Add(AuditEvent.Record(Actor.System, "recharge.skipped", recharge.AgencyId, subAccount.Id,
                new { rechargeId = recharge.Id, code, reason }, now));
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
    }

    private async Task<bool> CloseAsync(Recharge recharge, RechargeState state, string code, string reason, string? paymentIntentId,
        string? recoveryUrl, DateTimeOffset now, CancellationToken ct)
    {
        var closed = await db.Recharges.Where(r => r.Id == recharge.Id && r.State == RechargeState.Open).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.State, state)
            .SetProperty(r => r.FailureCode, code)
            .SetProperty(r => r.FailureReason, Clip.To(500, reason))
            .SetProperty(r => r.PaymentIntentId, paymentIntentId)
            .SetProperty(r => r.RecoveryCheckoutUrl, recoveryUrl)
            .SetProperty(r => r.ClosedAt, (DateTimeOffset?)now), ct);
        if (closed == 1)
        {
            await OpenRecharges.ReleaseAsync(db, recharge.SubAccountId, recharge.Id, ct);
        }
        return closed == 1;
    }
}
