using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Pricing;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Purchases;

public sealed record StartedCheckout(Purchase Purchase, CheckoutSession Session);

/// <summary>
/// Opens a Stripe Checkout Session on the agency's connected account for a reselling sub-account. The purchase is
/// recorded first, with a deterministic Stripe idempotency key, so a retry (ours or the caller's, with the same
/// Idempotency-Key) reaches the same session instead of opening a second one. No database transaction is held
/// while Stripe is called.
/// </summary>
public sealed class StartCheckout(
    EngineDbContext db, QuoteCheckout quotes, IPaymentGateway gateway, Plans.SubAccountFeatures features, TimeProvider clock, ILogger<StartCheckout> logger)
{
    /// <summary>The metadata key by which a checkout's session and payment intent name their purchase.</summary>
    public const string PurchaseIdKey = "resellerkit_purchase_id";

    public async Task<Result<StartedCheckout>> HandleAsync(
        Tenant tenant, SubAccountId id, CheckoutCommand command, Func<Agencies.Agency, CheckoutReturnUrls> defaultUrls, CancellationToken ct)
    {
        var urlErrors = new FieldErrors()
            .When(command.SuccessUrl is not null && !IsAbsoluteWebUrl(command.SuccessUrl), "successUrl", "successUrl must be an absolute http or https URL.")
            .When(command.CancelUrl is not null && !IsAbsoluteWebUrl(command.CancelUrl), "cancelUrl", "cancelUrl must be an absolute http or https URL.");
        if (urlErrors.Any)
        {
            return urlErrors.ToError();
        }
        var subAccount = await db.SubAccounts.AsNoTracking().Include(s => s.Agency)
            .WithSpecification(new SubAccountByIdSpec(tenant, id)).SingleOrDefaultAsync(ct);
        if (subAccount is null)
        {
            return new NotFound("sub-account");
        }
        // A retry of a keyed request whose purchase exists (opened, or being opened by a concurrent twin) continues that
        // purchase, whatever changed since (a mode switch, a pause): its checks passed when it was recorded, and the
        // caller asked once, so it gets one answer.
        var earlier = await EarlierAttemptAsync(subAccount, command, ct);
        if (earlier is { IsSuccess: false })
        {
            return earlier.Value.Error;
        }
        var purchase = earlier ?? await CheckedNewPurchaseAsync(subAccount, command, ct);
        if (!purchase.IsSuccess && earlier is null && await EarlierAttemptAsync(subAccount, command, ct) is { IsSuccess: true } twin)
        {
            purchase = twin; // Its twin recorded the purchase while this one was being refused: one key, one answer.
        }
        if (!purchase.IsSuccess)
        {
            return purchase.Error;
        }
        var p = purchase.Value;
        if (p.CheckoutSessionId is not null)
        {
            return new StartedCheckout(p, new CheckoutSession(p.CheckoutSessionId, p.CheckoutUrl!));
        }
        var agency = subAccount.Agency!;
        var defaults = defaultUrls(agency);

        CheckoutSession session;
        try
        {
            session = await gateway.CreateCheckoutAsync(new CheckoutRequest(
                p.StripeAccountId, p.StripeIdempotencyKey, p.Description, p.Amount, p.Currency, p.PlatformFee,
                command.SuccessUrl ?? defaults.Success, command.CancelUrl ?? defaults.CancelFor(p.Id), subAccount.Email, subAccount.StripeCustomerId,
                new Dictionary<string, string>
                {
                    [PurchaseIdKey] = p.Id.ToString(),
                    ["resellerkit_sub_account_id"] = subAccount.Id.ToString(),
                    ["resellerkit_agency_id"] = agency.Id.ToString(),
                    ["resellerkit_pack_id"] = p.PackId?.ToString() ?? "",
                    ["resellerkit_credits"] = p.Credits.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }), ct);
        }
        catch (PaymentGatewayException e)
        {
            logger.LogWarning(e, "Stripe refused checkout for purchase {PurchaseId}", p.Id);
            return new PaymentProviderFailed(e.Message);
        }

        await db.Purchases.Where(x => x.Id == p.Id).ExecuteUpdateAsync(set => set
            .SetProperty(x => x.CheckoutSessionId, session.Id)
            .SetProperty(x => x.CheckoutUrl, session.Url), ct);
        p.AttachSession(session.Id, session.Url);
        return new StartedCheckout(p, session);
    }

    private async Task<Result<Purchase>?> EarlierAttemptAsync(SubAccount subAccount, CheckoutCommand command, CancellationToken ct)
    {
        if (command.RequestKey is not { } key)
        {
            return null;
        }
        var existing = await db.Purchases.AsNoTracking()
            .SingleOrDefaultAsync(x => x.AgencyId == subAccount.AgencyId && x.RequestKey == key, ct);
        return existing switch
        {
            null => null,
            _ when existing.RequestHash != command.RequestHash => new RequestKeyReused(key),
            _ => existing,
        };
    }

    private async Task<Result<Purchase>> CheckedNewPurchaseAsync(SubAccount subAccount, CheckoutCommand command, CancellationToken ct)
    {
        if (!gateway.Enabled)
        {
            return new PaymentsOff();
        }
        if (subAccount.CreditMode != CreditMode.Reselling)
        {
            return new Conflict("This sub-account uses the agency's shared pool, so it does not buy credits of its own. Switch it to reselling mode first.");
        }
        if (subAccount.Paused)
        {
            return new AccountPaused(subAccount.Id);
        }
        var reselling = await features.RequireAsync(subAccount, Plans.Features.Reselling, ct);
        if (!reselling.IsSuccess)
        {
            return reselling.Error;
        }
        var agency = subAccount.Agency!;
        if (agency.StripeAccountId is null || !agency.PaymentsEnabled)
        {
            return new PaymentsNotConnected();
        }
        return await FindOrCreateAsync(subAccount, agency.StripeAccountId, command, ct);
    }

    private async Task<Result<Purchase>> FindOrCreateAsync(SubAccount subAccount, string stripeAccountId, CheckoutCommand command, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await EarlierAttemptAsync(subAccount, command, ct) is { } earlier)
            {
                return earlier; // A concurrent twin recorded it between our look and our insert.
            }
            var quote = await quotes.HandleAsync(subAccount.Agency!, subAccount.Ownership, command.PackId, command.Credits, ct);
            if (!quote.IsSuccess)
            {
                return quote.Error;
            }
            var purchase = Purchase.Start(quote.Value, subAccount.Id, stripeAccountId, command.Origin, command.RequestKey, command.RequestHash, clock.GetUtcNow());
            db.Purchases.Add(purchase);
            try
            {
                await db.SaveChangesAsync(ct);
                return purchase;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && command.RequestKey is not null)
            {
                db.ChangeTracker.Clear(); // A concurrent request with the same key won the insert: use its purchase.
            }
        }
        throw new InvalidOperationException("Could not record the purchase after three attempts.");
    }

    private static bool IsAbsoluteWebUrl(string url) =>
        url.Length <= 2048 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
