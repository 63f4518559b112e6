using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Team;

namespace ResellerKit.Engine.Purchases;

/// <summary>
/// Connects an agency to Stripe: creates its connected account, sends the owner to Stripe's onboarding, and keeps
/// "can take payments" in step with what Stripe reports.
/// </summary>
public sealed class ConnectAgencyPayments(EngineDbContext db, IPaymentGateway gateway, TimeProvider clock)
{
    /// <summary>
    /// A person in the back office starts onboarding: only an owner of the agency may (<see cref="PaymentsOwnersOnly"/>
    /// for anyone else on the team, whatever areas their role opens), since Stripe asks for the business's identity and
    /// the bank account its money goes to.
    /// </summary>
    public async Task<Result<string>> StartOnboardingAsync(
        AgencyId agencyId, Guid by, string refreshUrl, string returnUrl, Actor actor, CancellationToken ct)
    {
        if (await TeamSeat.FindAsync(db, agencyId, by, ct) is not { IsOwner: true })
        {
            return new PaymentsOwnersOnly();
        }
        return await StartOnboardingAsync(agencyId, refreshUrl, returnUrl, actor, ct);
    }

    /// <summary>
    /// Creates the connected account if the agency has none, and returns Stripe's onboarding URL. For the agency's own
    /// API key, which speaks for the whole agency; a person goes through the overload that checks their seat.
    /// </summary>
    public async Task<Result<string>> StartOnboardingAsync(AgencyId agencyId, string refreshUrl, string returnUrl, Actor actor, CancellationToken ct)
    {
        var agency = await EnsureAccountAsync(agencyId, actor, ct);
        if (!agency.IsSuccess)
        {
            return agency.Error;
        }
        try
        {
            return await gateway.CreateOnboardingLinkAsync(agency.Value.StripeAccountId!, refreshUrl, returnUrl, ct);
        }
        catch (PaymentGatewayException e)
        {
            return new PaymentProviderFailed(e.Message);
        }
    }

    /// <summary>Creates (when missing) and refreshes the agency's connected account; returns the agency as updated.</summary>
    public async Task<Result<Agency>> EnsureAccountAsync(AgencyId agencyId, Actor actor, CancellationToken ct)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return new NotFound("agency");
        }
        if (!gateway.Enabled)
        {
            return new PaymentsOff();
        }
        try
        {
            var account = agency.StripeAccountId is { } existing
                ? await gateway.GetConnectedAccountAsync(existing, ct)
                : await gateway.CreateConnectedAccountAsync(agency.OwnerEmail, agency.Branding.DisplayName ?? agency.Name, ct);
            if (account.Id != agency.StripeAccountId || account.ChargesEnabled != agency.PaymentsEnabled)
            {
                db.AuditEvents.Add(AuditEvent.Record(actor, "payments.connected", agency.Id, null,
                    new { account = account.Id, chargesEnabled = account.ChargesEnabled }, clock.GetUtcNow()));
            }
            agency.ConnectPayments(account.Id, account.ChargesEnabled);
            await db.SaveChangesAsync(ct);
            return agency;
        }
        catch (PaymentGatewayException e)
        {
            return new PaymentProviderFailed(e.Message);
        }
    }

    /// <summary>Re-reads the connected account's status from Stripe, if the agency has one; never creates one.</summary>
    public async Task<Result<Agency>> RefreshAsync(AgencyId agencyId, Actor actor, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null)
        {
            return new NotFound("agency");
        }
        return agency.StripeAccountId is null || !gateway.Enabled ? agency : await EnsureAccountAsync(agencyId, actor, ct);
    }

    /// <summary>Applies Stripe's account.updated event to whichever agency owns the account.</summary>
    public Task<int> ApplyAccountStatusAsync(string accountId, bool chargesEnabled, CancellationToken ct) =>
        db.Agencies.Where(a => a.StripeAccountId == accountId)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.PaymentsEnabled, chargesEnabled), ct);
}
