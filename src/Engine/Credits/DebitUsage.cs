using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Telemetry;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// Records credits a sub-account spent. In shared mode they come out of the agency pool, within the sub-account's
/// monthly cap; in reselling mode, out of its own wallet. Never overdraws: the cap and the balance are each checked
/// by a conditional UPDATE in the same transaction as the ledger entries. In reselling mode the same transaction
/// decides what the new balance calls for: a low-balance alert, and at most one open auto-recharge.
/// </summary>
public sealed class DebitUsage(EngineDbContext db, LedgerWriter ledger, RechargeTrigger recharges, TimeProvider clock)
{
    public async Task<Result<LedgerTransaction>> HandleAsync(
        Tenant tenant, SubAccountId id, UsageCommand command, string? idempotencyKey, CancellationToken ct)
    {
        var result = await DebitAsync(tenant, id, command, idempotencyKey, ct);
        if (result.Error is { } refused)
        {
            EngineTelemetry.UsageRefusals.Add(1, new KeyValuePair<string, object?>("code", refused.Code));
        }
        return result;
    }

    private async Task<Result<LedgerTransaction>> DebitAsync(
        Tenant tenant, SubAccountId id, UsageCommand command, string? idempotencyKey, CancellationToken ct)
    {
        var errors = command.Validate();
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
        if (subAccount.Paused)
        {
            return new AccountPaused(subAccount.Id);
        }

        return await db.InTransactionAsync<LedgerTransaction>(async token =>
        {
            var now = clock.GetUtcNow();
            var counted = await CountAgainstCapAsync(subAccount, command.Credits.Units, now, token);
            if (!counted.IsSuccess)
            {
                return counted.Error;
            }
            var source = subAccount.CreditMode == CreditMode.Shared ? subAccount.Agency!.Pool : subAccount.Wallet;
            var details = new TransferDetails(subAccount.AgencyId, subAccount.Id, TransactionType.Usage)
            {
                Description = command.Description,
                CampaignId = command.CampaignId,
                ContactId = command.ContactId,
                Metadata = command.MetadataJson,
                IdempotencyKey = idempotencyKey,
                At = now,
            };
            var posted = await ledger.TransferAsync(source, subAccount.Consumed, command.Credits, details, token);
            if (posted.IsSuccess)
            {
                if (subAccount.CreditMode == CreditMode.Reselling)
                {
                    await recharges.AfterDebitAsync(subAccount.Id, now, token);
                }
                await db.SaveChangesAsync(token);
            }
            return posted;
        }, ct);
    }

    // Adds the debit to this month's usage, unless that would pass the cap, the sub-account was paused meanwhile,
    // or its mode changed since it was read. One UPDATE does the check and the count, and locks the row.
    private async Task<Result<Done>> CountAgainstCapAsync(SubAccount subAccount, long credits, DateTimeOffset now, CancellationToken ct)
    {
        var month = SubAccount.MonthOf(now);
        var mode = subAccount.CreditMode;
        var updated = await db.SubAccounts
            .Where(s => s.Id == subAccount.Id && !s.Paused && s.CreditMode == mode
                && (s.CreditMode == CreditMode.Reselling || s.UsageCapPerMonth == null
                    || (s.UsageMonth == month ? s.UsageMonthCredits : 0) + credits <= s.UsageCapPerMonth))
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.UsageMonthCredits, s => s.UsageMonth == month ? s.UsageMonthCredits + credits : credits)
                .SetProperty(s => s.UsageMonth, month), ct);
        if (updated == 1)
        {
            return Done.Value;
        }

        var current = await db.SubAccounts.AsNoTracking().SingleAsync(s => s.Id == subAccount.Id, ct);
        if (current.Paused)
        {
            return new AccountPaused(current.Id);
        }
        if (current.CreditMode != mode)
        {
            return new Conflict("The sub-account's credit mode changed while this usage was recorded. Retry the request.");
        }
        return new UsageCapReached(current.UsageCapPerMonth ?? 0, current.UsedIn(month), credits);
    }
}
