using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// An agency grants credits to a reselling sub-account's own wallet (a goodwill top-up, or credits its own payment
/// server sold). They are issued by the platform and billed to the agency.
/// A grant whose <c>reference</c> is one of the sub-account's recharges by the agency's webhook answers that recharge:
/// it closes it (even after it expired, since the agency may have taken the payment), once, and repays the account's
/// debt from refunds first (<see cref="DebtRepayment"/>). A Stripe recharge is closed by its charge alone, so a
/// reference naming one makes a plain grant. A second grant for the same recharge
/// changes nothing and answers with the first grant's transaction. A plain grant is in the audit log under the
/// person or key that gave it; a recharge's grant is there as the recharge it closed.
/// </summary>
public sealed class GrantSubAccountCredits(EngineDbContext db, LedgerWriter ledger, DebtRepayment debts, TimeProvider clock)
{
    public async Task<Result<Granted>> HandleAsync(
        Tenant tenant, SubAccountId id, GrantCommand command, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var errors = command.Validate(clock.GetUtcNow());
        if (errors.Any)
        {
            return errors.ToError();
        }
        var subAccount = await db.SubAccounts.AsNoTracking().Include(s => s.Agency)
            .WithSpecification(new SubAccountByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        if (subAccount is null)
        {
            return new NotFound("sub-account");
        }
        if (subAccount.CreditMode == CreditMode.Shared)
        {
            return new SharedModeHasNoWallet();
        }
        var recharge = RechargeId.TryParse(command.Reference, out var rechargeId)
            ? await db.Recharges.AsNoTracking().SingleOrDefaultAsync(r => r.Id == rechargeId && r.SubAccountId == subAccount.Id
                && r.AgencyId == subAccount.AgencyId && r.Provider == RechargeProvider.Webhook, ct)
            : null;
        if (recharge?.GrantTransactionId is not null)
        {
            return await FirstGrantAsync(subAccount, recharge.Id, ct);
        }

        var granted = await db.InTransactionAsync<Granted>(async token =>
        {
            var now = clock.GetUtcNow();
            var details = command.Details(subAccount.AgencyId, subAccount.Id, idempotencyKey, IdempotencyScopes.Of(tenant)) with
            {
                Type = recharge is null ? TransactionType.Grant : TransactionType.Recharge,
                At = now,
            };
            // The row's lock first (closing a recharge updates the row), which a hand-over or a switch of credit mode
            // takes too: the account as it is under it, since one that committed after the read above moved it.
            await SubAccountLock.TakeAsync(db, subAccount.Id, token);
            var current = await db.SubAccounts.AsNoTracking().Where(s => s.Id == subAccount.Id)
                .Select(s => new { s.AgencyId, s.CreditMode, s.WalletId }).SingleAsync(token);
            if (current.AgencyId != subAccount.AgencyId)
            {
                return new NotFound("sub-account");
            }
            if (current.CreditMode == CreditMode.Shared)
            {
                return new SharedModeHasNoWallet();
            }
            var wallet = new WalletRef(current.WalletId, current.AgencyId, WalletKind.SubAccount);
            var posted = await ledger.TransferAsync(subAccount.Agency!.Issuance, wallet, command.Credits, details, token);
            if (!posted.IsSuccess)
            {
                return posted.Error;
            }
            if (recharge is not null && !await CloseAsync(recharge, posted.Value.Id, command.Credits.Units, now, token))
            {
                return new RechargeAlreadyGranted(recharge.Id);
            }
            if (recharge is null)
            {
                db.AuditEvents.Add(AuditEvent.Record(actor, "credits.granted", subAccount.AgencyId, subAccount.Id,
                    command.Audited(posted.Value.Id), now));
            }
            else
            {
                await debts.RepayAsync(subAccount.Id, wallet, subAccount.AgencyId, command.Credits.Units, posted.Value.Id, recharge.Id.ToString(), now, token);
            }
            await db.SaveChangesAsync(token);
            return new Granted(posted.Value.Id, await ledger.BalanceAsync(wallet.Id, token));
        }, ct);
        return granted.Error is RechargeAlreadyGranted ? await FirstGrantAsync(subAccount, recharge!.Id, ct) : granted;
    }

    // The conditional UPDATE is the guard: of two concurrent grants for one recharge, exactly one sets the grant.
    private async Task<bool> CloseAsync(Recharge recharge, TransactionId transactionId, long credits, DateTimeOffset now, CancellationToken ct)
    {
        var closed = await db.Recharges.Where(r => r.Id == recharge.Id && r.GrantTransactionId == null).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.State, RechargeState.Granted)
            .SetProperty(r => r.GrantTransactionId, (TransactionId?)transactionId)
            .SetProperty(r => r.CreditsGranted, (long?)credits)
            .SetProperty(r => r.GrantedAt, (DateTimeOffset?)now)
            .SetProperty(r => r.ClosedAt, (DateTimeOffset?)now), ct);
        if (closed == 0)
        {
            return false;
        }
        await OpenRecharges.ReleaseAsync(db, recharge.SubAccountId, recharge.Id, ct);
        db.AuditEvents.Add(AuditEvent.Record(Actor.System, "recharge.granted", recharge.AgencyId, recharge.SubAccountId,
            new { rechargeId = recharge.Id, transactionId, credits, wasState = recharge.State.ToString() }, now));
        return true;
    }

    private async Task<Result<Granted>> FirstGrantAsync(SubAccount subAccount, RechargeId rechargeId, CancellationToken ct)
    {
        var first = await db.Recharges.AsNoTracking().Where(r => r.Id == rechargeId).Select(r => r.GrantTransactionId).SingleAsync(ct);
        var balance = await db.Wallets.AsNoTracking().Where(w => w.Id == subAccount.WalletId).Select(w => w.Balance).SingleAsync(ct);
        return new Granted(first!.Value, balance);
    }
}
