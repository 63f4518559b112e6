using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.SubAccounts;

public sealed record UpdateSubAccountCommand(
    Optional<string?> Name = default,
    Optional<CreditMode?> CreditMode = default,
    Optional<bool?> Paused = default,
    Optional<long?> UsageCapPerMonth = default,
    Optional<AutoRechargeInput?> AutoRecharge = default,
    Optional<LowBalanceAlertInput?> LowBalanceAlert = default,
    Optional<Reports.ReportMetrics?> Reports = default,
    Optional<Guid?> PlanId = default);

/// <summary>
/// Changes a sub-account's name, credit mode, pause state, monthly cap, auto-recharge or low-balance alert, and records
/// each change in the audit log. A plan (null for none) must be one of the sub-account's agency's plans; its per-account
/// feature overrides stay as they are. Saving auto-recharge settings also resumes a paused auto-recharge.
/// Switching mode moves no credits: the sub-account's own wallet keeps its balance and is used again in reselling mode.
/// </summary>
public sealed class UpdateSubAccount(EngineDbContext db, Plans.SubAccountFeatures features, TimeProvider clock)
{
    public async Task<Result<SubAccount>> HandleAsync(
        Tenant tenant, SubAccountId id, UpdateSubAccountCommand command, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .When(command.CreditMode.IsSet && (command.CreditMode.Value is not { } chosen || !Enum.IsDefined(chosen)), "creditMode", "creditMode must be \"shared\" or \"reselling\".")
            .When(command.Paused.IsSet && command.Paused.Value is null, "paused", "paused must be true or false.")
            .When(command.UsageCapPerMonth.Value is < 0 or > Credits.Credits.MaxBalance, "usageCapPerMonth",
                "usageCapPerMonth must be a whole number of credits from 0 up, or null for no cap.");
        if (command.Name.IsSet)
        {
            errors.Name("name", command.Name.Value, $"Enter a name of 1 to {Input.MaxNameLength} characters.");
        }
        command.AutoRecharge.Value?.Validate(errors);
        command.LowBalanceAlert.Value?.Validate(errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var subAccount = await db.SubAccounts.WithSpecification(new SubAccountByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        if (subAccount is null)
        {
            return new NotFound("sub-account");
        }

        if (command.CreditMode is { IsSet: true, Value: CreditMode.Reselling } && subAccount.CreditMode != CreditMode.Reselling)
        {
            var allowed = await features.RequireAsync(subAccount, Plans.Features.Reselling, ct);
            if (!allowed.IsSuccess)
            {
                return allowed.Error;
            }
        }
        if (command.PlanId is { IsSet: true, Value: { } planId }
            && !await db.Plans.AnyAsync(p => p.Id == planId && p.AgencyId == subAccount.AgencyId, ct))
        {
            return new NotFound("plan");
        }
        var mode = command.CreditMode.Or(subAccount.CreditMode)!.Value;
        var enabling = command.AutoRecharge.IsSet ? command.AutoRecharge.Value?.Enabled == true : subAccount.AutoRechargeEnabled;
        if (enabling && mode != CreditMode.Reselling)
        {
            return ValidationFailed.For("autoRecharge", "Auto-recharge needs reselling mode: in shared mode the sub-account has no balance of its own.");
        }

        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(token => ApplyAsync(subAccount, command, mode, actor, now, token), ct);
    }

    private async Task<Result<SubAccount>> ApplyAsync(
        SubAccount subAccount, UpdateSubAccountCommand command, CreditMode mode, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        // The row's lock, which a hand-over and a debit's counter UPDATE take too, then the account as it is under it:
        // one handed to another agency since it was read is no longer the caller's to change.
        var agency = subAccount.AgencyId;
        await SubAccountLock.TakeAsync(db, subAccount.Id, ct);
        await db.Entry(subAccount).ReloadAsync(ct);
        if (subAccount.AgencyId != agency)
        {
            return new NotFound("sub-account");
        }
        mode = command.CreditMode.Or(subAccount.CreditMode)!.Value;
        var month = SubAccount.MonthOf(now);
        var usedFromSource = 0L;
        if (mode != subAccount.CreditMode)
        {
            // What the monthly usage counter counts changes with the mode (MonthUsage): recount it from the ledger under
            // the row lock, so no debit lands between the count and the switch.
            usedFromSource = await MonthUsage.CountedAsync(db, subAccount.Id, mode, month, ct);
        }
        var changes = new Dictionary<string, object?>();
        Track(changes, "name", subAccount.Name, command.Name.Or(subAccount.Name)!, subAccount.Rename);
        Track(changes, "creditMode", subAccount.CreditMode, mode, m => subAccount.SwitchMode(m, month, usedFromSource));
        Track(changes, "paused", subAccount.Paused, command.Paused.Or(subAccount.Paused)!.Value, subAccount.SetPaused);
        Track(changes, "usageCapPerMonth", subAccount.UsageCapPerMonth, command.UsageCapPerMonth.Or(subAccount.UsageCapPerMonth), subAccount.SetUsageCap);
        Track(changes, "reports", subAccount.ReportMetrics, command.Reports.Or(subAccount.ReportMetrics) ?? subAccount.ReportMetrics, subAccount.ShowReports);
        Track(changes, "planId", subAccount.PlanId, command.PlanId.Or(subAccount.PlanId),
            plan => subAccount.AssignPlan(plan, subAccount.FeaturesOn, subAccount.FeaturesOff));
        if (command.AutoRecharge.IsSet)
        {
            var settings = command.AutoRecharge.Value?.ToSettings();
            changes["autoRecharge"] = new { from = subAccount.AutoRecharge, to = settings };
            subAccount.ConfigureAutoRecharge(settings);
        }
        if (command.LowBalanceAlert.IsSet)
        {
            var alert = command.LowBalanceAlert.Value?.ToAlert();
            changes["lowBalanceAlert"] = new { from = subAccount.LowBalanceAlert, to = alert };
            subAccount.ConfigureLowBalanceAlert(alert);
        }
        if (changes.Count > 0)
        {
            db.AuditEvents.Add(AuditEvent.Record(actor, "sub_account.updated", subAccount.AgencyId, subAccount.Id, changes, now));
            await db.SaveChangesAsync(ct);
        }
        return subAccount;
    }

    private static void Track<T>(Dictionary<string, object?> changes, string field, T current, T next, Action<T> apply)
    {
        if (EqualityComparer<T>.Default.Equals(current, next))
        {
            return;
        }
        changes[field] = new { from = current?.ToString(), to = next?.ToString() };
        apply(next);
    }
}
