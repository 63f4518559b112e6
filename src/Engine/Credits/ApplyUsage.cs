using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Plans;
using ResellerKit.Engine.Recharges;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// Applies one usage event inside the ledger writer's transaction (<see cref="GroupCommit.LedgerQueue"/>), under a
/// savepoint of its own, so a refusal never touches the other events of the batch. In shared mode the credits come out
/// of the agency pool, within the sub-account's monthly cap; in reselling mode, out of its own wallet. Never overdraws:
/// the cap and the balance are each checked by a conditional UPDATE in the same transaction as the ledger entries, and
/// the same transaction decides what the new balance calls for (a low-balance alert, at most one auto-recharge).
/// A key applied before in the caller's scope is a duplicate and returns the first transaction. The common case runs
/// on <see cref="UsageHotPath"/> (plain ADO.NET, no change tracking); the rest on <see cref="LedgerWriter"/>.
/// </summary>
public sealed class ApplyUsage(
    EngineDbContext db, UsageHotPath hot, LedgerWriter ledger, RechargeTrigger recharges, TimeProvider clock)
{
    public async Task<UsageResult> ApplyAsync(Tenant caller, UsageEvent usage, CancellationToken ct)
    {
        var errors = usage.Command.Validate();
        if (errors.Any)
        {
            return UsageResult.Refused(errors.ToError());
        }
        var scope = IdempotencyScopes.Of(caller);
        if (usage.Key is { } key && await hot.FirstUseAsync(scope, key, ct) is { } first)
        {
            return Replayed(usage, first);
        }
        var facts = await hot.FactsAsync(usage.SubAccountId, ct);
        if (Refuses(caller, facts, out var refusal))
        {
            return UsageResult.Refused(refusal);
        }
        var now = clock.GetUtcNow();
        var fast = await db.InTransactionAsync<(TransactionId Id, long Credits)>(async token =>
            await hot.TryDebitAsync(facts, usage, scope, now, token) ?? new GeneralPathNeeded(), ct);
        if (fast.IsSuccess)
        {
            return UsageResult.Applied(fast.Value.Id, fast.Value.Credits);
        }
        if (fast.Error is not GeneralPathNeeded)
        {
            return UsageResult.Refused(fast.Error);
        }
        // The general path, through LedgerWriter and EF: it refuses exactly (cap, credits, a switch meanwhile) and
        // handles what the hot path leaves to it (expired lots to move out first).
        var subAccount = await db.SubAccounts.AsNoTracking().Include(s => s.Agency).SingleAsync(s => s.Id == facts.Id, ct);
        var posted = await db.InTransactionAsync(token => DebitAsync(subAccount, usage, scope, token), ct);
        return posted.IsSuccess ? UsageResult.Applied(posted.Value.Id, posted.Value.Credits) : UsageResult.Refused(posted.Error);
    }

    /// <summary>
    /// An event whose key made <paramref name="first"/> before: its duplicate, or a refusal when it asks for something
    /// else (another debit; when both came by the single route, another request body; a batch event's id sent alone,
    /// other words). A batch event repeating a key is the same debit when its sub-account and credits are.
    /// </summary>
    internal static UsageResult Replayed(UsageEvent usage, FirstUse first) =>
        first.Type == TransactionType.Usage && first.SubAccountId == usage.SubAccountId && first.Credits == -usage.Command.Credits.Units
            && (first.RequestHash, usage.RequestHash) switch
            {
                ({ } before, { } now) => before == now,
                (null, not null) => first.Content is null || first.Content.SaidAgainBy(usage.Command),
                _ => true,
            }
            ? UsageResult.Duplicate(first.Id, first.Credits)
            : UsageResult.Refused(new IdempotencyKeyReused(usage.Key!));

    /// <summary>Why <paramref name="caller"/> may not debit this sub-account at all (unknown, another agency's, no API access, paused), or null.</summary>
    internal static bool Refuses(Tenant caller, [NotNullWhen(false)] UsageFacts? facts, [NotNullWhen(true)] out Error? refusal)
    {
        refusal = facts is null || !caller.Owns(facts.AgencyId) ? new NotFound("sub-account")
            // The platform key is not an agency acting for a client: the API-access feature gates agencies only.
            : !caller.IsPlatform && !facts.Features.HasFlag(Features.ApiAccess) ? new FeatureOff(Features.ApiAccess)
            : facts.Paused ? new AccountPaused(facts.Id)
            : null;
        return refusal is not null;
    }

    private async Task<Result<LedgerTransaction>> DebitAsync(SubAccount subAccount, UsageEvent usage, string scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var command = usage.Command;
        var counted = await CountAgainstCapAsync(subAccount, command.Credits.Units, now, ct);
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
            IdempotencyKey = usage.Key,
            IdempotencyScope = scope,
            RequestHash = usage.RequestHash,
            At = now,
        };
        var posted = await ledger.TransferAsync(source, subAccount.Consumed, command.Credits, details, ct);
        if (posted.IsSuccess)
        {
            if (subAccount.CreditMode == CreditMode.Reselling)
            {
                await recharges.AfterDebitAsync(subAccount.Id, now, ct);
            }
            await db.SaveChangesAsync(ct);
        }
        return posted;
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

    /// <summary>Not an answer: the hot path handed the debit to the general path (its savepoint is rolled back).</summary>
    private sealed record GeneralPathNeeded() : Error("conflict")
    {
        public override string Detail => "Taken by the general path.";
    }
}
