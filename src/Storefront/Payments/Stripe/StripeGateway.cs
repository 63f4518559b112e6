using ResellerKit.Engine.Purchases;
using StripeSdk = Stripe;

namespace ResellerKit.Storefront.Payments.Stripe;

/// <summary>The Engine's payment port, spoken to Stripe (or the sandbox) through Stripe.net.</summary>
public sealed partial class StripeGateway(StripeClients clients) : IPaymentGateway
{
    public bool Enabled => true;

    public Task<ConnectedAccount> CreateConnectedAccountAsync(string email, string businessName, CancellationToken ct) => CallAsync(ct, async stripe =>
    {
        var account = await stripe.V1.Accounts.CreateAsync(new StripeSdk.AccountCreateOptions
        {
            Type = "standard",
            Email = email,
            BusinessProfile = new StripeSdk.AccountBusinessProfileOptions { Name = businessName },
        }, cancellationToken: ct);
        return ToAccount(account);
    });

    public Task<ConnectedAccount> GetConnectedAccountAsync(string accountId, CancellationToken ct) =>
        CallAsync(ct, async stripe => ToAccount(await stripe.V1.Accounts.GetAsync(accountId, cancellationToken: ct)));

    public Task<string> CreateOnboardingLinkAsync(string accountId, string refreshUrl, string returnUrl, CancellationToken ct) => CallAsync(ct, async stripe =>
    {
        var link = await stripe.V1.AccountLinks.CreateAsync(new StripeSdk.AccountLinkCreateOptions
        {
            Account = accountId,
            RefreshUrl = refreshUrl,
            ReturnUrl = returnUrl,
            Type = "account_onboarding",
        }, cancellationToken: ct);
        return link.Url;
    });

    public Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken ct) => CallAsync(ct, async stripe =>
    {
        var options = new StripeSdk.Checkout.SessionCreateOptions
        {
            Mode = "payment",
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            ClientReferenceId = request.Metadata.GetValueOrDefault("resellerkit_purchase_id"),
            Customer = request.CustomerId,
            CustomerEmail = request.CustomerId is null ? request.CustomerEmail : null,
            CustomerCreation = request.CustomerId is null ? "always" : null,
            Metadata = new Dictionary<string, string>(request.Metadata),
            LineItems =
            [
                new StripeSdk.Checkout.SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new StripeSdk.Checkout.SessionLineItemPriceDataOptions
                    {
                        Currency = request.Currency,
                        UnitAmount = request.Amount,
                        ProductData = new StripeSdk.Checkout.SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                    },
                },
            ],
            PaymentIntentData = new StripeSdk.Checkout.SessionPaymentIntentDataOptions
            {
                ApplicationFeeAmount = request.ApplicationFee,
                // Saves the card on the agency's account at the first purchase, for off-session auto-recharge.
                SetupFutureUsage = "off_session",
                Metadata = new Dictionary<string, string>(request.Metadata),
            },
        };
        var session = await stripe.V1.Checkout.Sessions.CreateAsync(options,
            new StripeSdk.RequestOptions { StripeAccount = request.AccountId, IdempotencyKey = request.IdempotencyKey }, ct);
        return new CheckoutSession(session.Id, session.Url);
    });

    public Task<CheckoutStatus?> GetCheckoutAsync(string accountId, string sessionId, CancellationToken ct) => FindAsync(ct, async stripe =>
    {
        var session = await stripe.V1.Checkout.Sessions.GetAsync(sessionId, null, new StripeSdk.RequestOptions { StripeAccount = accountId }, ct);
        return new CheckoutStatus(session.Id, session.Status, session.PaymentStatus, session.AmountTotal, session.Currency,
            session.PaymentIntentId, session.CustomerId);
    });

    public async Task<bool> ExpireCheckoutAsync(string accountId, string sessionId, CancellationToken ct)
    {
        try
        {
            var stripe = await clients.CreateAsync(ct);
            var session = await stripe.V1.Checkout.Sessions.ExpireAsync(sessionId, null, new StripeSdk.RequestOptions { StripeAccount = accountId }, ct);
            return session.Status == "expired";
        }
        catch (StripeSdk.StripeException e) when (e.HttpStatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.NotFound)
        {
            return false; // Paid or expired already: nothing left to close.
        }
        catch (StripeSdk.StripeException e)
        {
            throw new PaymentGatewayException(e.StripeError?.Message ?? e.Message, e);
        }
    }

    public Task<string?> GetPaymentMethodAsync(string accountId, string paymentIntentId, CancellationToken ct) => CallAsync<string?>(ct, async stripe =>
    {
        var intent = await stripe.V1.PaymentIntents.GetAsync(paymentIntentId, null, new StripeSdk.RequestOptions { StripeAccount = accountId }, ct);
        return intent.PaymentMethodId;
    });

    /// <summary>The charge as Stripe has it now (what was refunded of it); null when Stripe does not know it.</summary>
    public Task<ChargeStatus?> GetChargeAsync(string accountId, string chargeId, CancellationToken ct) => FindAsync(ct, async stripe =>
    {
        var charge = await stripe.V1.Charges.GetAsync(chargeId, null, new StripeSdk.RequestOptions { StripeAccount = accountId }, ct);
        return new ChargeStatus(charge.Id, charge.PaymentIntentId, charge.Amount, charge.AmountRefunded, charge.Currency);
    });

    /// <summary>The dispute as Stripe has it now (won, lost, still open); null when Stripe does not know it.</summary>
    public Task<DisputeStatus?> GetDisputeAsync(string accountId, string disputeId, CancellationToken ct) => FindAsync(ct, async stripe =>
    {
        var dispute = await stripe.V1.Disputes.GetAsync(disputeId, null, new StripeSdk.RequestOptions { StripeAccount = accountId }, ct);
        return new DisputeStatus(dispute.Id, dispute.Status, dispute.PaymentIntentId, dispute.Amount, dispute.ChargeId);
    });

    private async Task<T?> FindAsync<T>(CancellationToken ct, Func<StripeSdk.StripeClient, Task<T>> call) where T : class
    {
        try
        {
            return await call(await clients.CreateAsync(ct));
        }
        catch (StripeSdk.StripeException e) when (e.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (StripeSdk.StripeException e)
        {
            throw new PaymentGatewayException(e.StripeError?.Message ?? e.Message, e);
        }
    }

    private async Task<T> CallAsync<T>(CancellationToken ct, Func<StripeSdk.StripeClient, Task<T>> call)
    {
        try
        {
            return await call(await clients.CreateAsync(ct));
        }
        catch (StripeSdk.StripeException e)
        {
            throw new PaymentGatewayException(e.StripeError?.Message ?? e.Message, e);
        }
    }

    private static ConnectedAccount ToAccount(StripeSdk.Account account) =>
        new(account.Id, account.ChargesEnabled, account.DetailsSubmitted);
}
