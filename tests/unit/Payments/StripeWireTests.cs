using System.Net;
using ResellerKit.Storefront.StripeSandbox;
using ResellerKit.Tests.Unit.Support;
using Stripe;
using Stripe.Checkout;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>
/// Stripe.net's own client against the sandbox, over every endpoint the app calls, so that the wire format (form
/// encoding in, Stripe JSON out, errors, the Stripe-Account and Idempotency-Key headers) is checked by Stripe's library.
/// </summary>
public sealed class StripeWireTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private StripeClient Stripe() =>
        new(api.SandboxKey, httpClient: new SystemNetHttpClient(api.CreateClient()), apiBase: "http://localhost/stripe-sandbox");

    [Fact]
    public async Task Accounts_CreateGetAndOnboardingLink_RoundTrip()
    {
        var stripe = Stripe();

        var created = await stripe.V1.Accounts.CreateAsync(new AccountCreateOptions
        {
            Type = "standard", Email = "owner@wire.example", BusinessProfile = new AccountBusinessProfileOptions { Name = "Wire Agency" },
        }, cancellationToken: Ct);
        var fetched = await stripe.V1.Accounts.GetAsync(created.Id, cancellationToken: Ct);
        var link = await stripe.V1.AccountLinks.CreateAsync(new AccountLinkCreateOptions
        {
            Account = created.Id, RefreshUrl = "https://agency.example/refresh", ReturnUrl = "https://agency.example/back", Type = "account_onboarding",
        }, cancellationToken: Ct);

        created.Id.ShouldStartWith("acct_");
        fetched.ChargesEnabled.ShouldBeTrue();
        fetched.BusinessProfile.Name.ShouldBe("Wire Agency");
        link.Url.ShouldContain(created.Id);
    }

    [Fact]
    public async Task CheckoutSessions_CreateWithIdempotencyKeyGetAndExpire_BehaveAsStripe()
    {
        var stripe = Stripe();
        var account = await NewAccountAsync(stripe);
        var options = new SessionCreateOptions
        {
            Mode = "payment", SuccessUrl = "https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}", CancelUrl = "https://shop.example/no",
            CustomerEmail = "buyer@example.com", CustomerCreation = "always", Metadata = new() { ["purchase"] = "p-1" },
            LineItems = [new SessionLineItemOptions { Quantity = 1, PriceData = new SessionLineItemPriceDataOptions
                { Currency = "usd", UnitAmount = 1_500, ProductData = new SessionLineItemPriceDataProductDataOptions { Name = "Starter" } } }],
            PaymentIntentData = new SessionPaymentIntentDataOptions { ApplicationFeeAmount = 40, SetupFutureUsage = "off_session" },
        };
        var onAccount = new RequestOptions { StripeAccount = account, IdempotencyKey = "wire-test-session" };

        var first = await stripe.V1.Checkout.Sessions.CreateAsync(options, onAccount, Ct);
        var retry = await stripe.V1.Checkout.Sessions.CreateAsync(options, onAccount, Ct);
        var fetched = await stripe.V1.Checkout.Sessions.GetAsync(first.Id, null, new RequestOptions { StripeAccount = account }, Ct);
        var expired = await stripe.V1.Checkout.Sessions.ExpireAsync(first.Id, null, new RequestOptions { StripeAccount = account }, Ct);
        var otherAccount = () => stripe.V1.Checkout.Sessions.GetAsync(first.Id, null, new RequestOptions { StripeAccount = "acct_someone_else" }, Ct);

        retry.Id.ShouldBe(first.Id);
        fetched.AmountTotal.ShouldBe(1_500);
        fetched.Currency.ShouldBe("usd");
        fetched.PaymentStatus.ShouldBe("unpaid");
        fetched.Metadata["purchase"].ShouldBe("p-1");
        fetched.Url.ShouldContain(first.Id);
        expired.Status.ShouldBe("expired");
        (await otherAccount.ShouldThrowAsync<StripeException>()).HttpStatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PaidSession_ExposesItsPaymentIntentChargeAndCustomer_AndRefundsAndEventsList()
    {
        var stripe = Stripe();
        var account = await NewAccountAsync(stripe);
        var onAccount = new RequestOptions { StripeAccount = account };
        var session = await stripe.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "payment", SuccessUrl = "https://shop.example/ok", CustomerEmail = "buyer@example.com", CustomerCreation = "always",
            LineItems = [new SessionLineItemOptions { Quantity = 1, PriceData = new SessionLineItemPriceDataOptions
                { Currency = "eur", UnitAmount = 2_000, ProductData = new SessionLineItemPriceDataProductDataOptions { Name = "Pack" } } }],
            PaymentIntentData = new SessionPaymentIntentDataOptions { ApplicationFeeAmount = 100 },
        }, onAccount, Ct);
        await api.PayAsync(session.Url);

        var paid = await stripe.V1.Checkout.Sessions.GetAsync(session.Id, null, onAccount, Ct);
        var intent = await stripe.V1.PaymentIntents.GetAsync(paid.PaymentIntentId, null, onAccount, Ct);
        var customer = await stripe.V1.Customers.GetAsync(paid.CustomerId, null, onAccount, Ct);
        var refund = await stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = intent.Id, Amount = 500 }, onAccount, Ct);
        var charge = await stripe.V1.Charges.GetAsync(intent.LatestChargeId, null, onAccount, Ct);
        var events = await stripe.V1.Events.ListAsync(new EventListOptions { Limit = 10 }, onAccount, Ct);

        paid.PaymentStatus.ShouldBe("paid");
        intent.Status.ShouldBe("succeeded");
        intent.ApplicationFeeAmount.ShouldBe(100);
        customer.Email.ShouldBe("buyer@example.com");
        refund.Amount.ShouldBe(500);
        charge.AmountRefunded.ShouldBe(500);
        events.Data.Select(e => e.Type).ShouldContain("checkout.session.completed");
        events.Data.Select(e => e.Type).ShouldContain("charge.refunded");
        events.Data.ShouldAllBe(e => e.ApiVersion == StripeConfiguration.ApiVersion);
    }

    [Fact]
    public async Task OffSessionPaymentIntent_WithSavedCards_SucceedsNeedsAuthenticationOrDeclines()
    {
        var stripe = Stripe();
        var account = await NewAccountAsync(stripe);
        var onAccount = new RequestOptions { StripeAccount = account };

        var results = new Dictionary<string, string>();
        foreach (var card in new[] { TestCard.Visa, TestCard.RequiresAuthentication, TestCard.DeclinesOffSession })
        {
            var (customer, method) = await SavedCardAsync(stripe, account, card);
            try
            {
                var intent = await stripe.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
                {
                    Amount = 1_000, Currency = "usd", Customer = customer, PaymentMethod = method, Confirm = true, OffSession = true,
                    ErrorOnRequiresAction = true, ApplicationFeeAmount = 30,
                }, onAccount, Ct);
                results[card.ToString()] = intent.Status;
            }
            catch (StripeException e)
            {
                results[card.ToString()] = e.StripeError.Code;
            }
        }

        results["Visa"].ShouldBe("succeeded");
        results["RequiresAuthentication"].ShouldBe("authentication_required");
        results["DeclinesOffSession"].ShouldBe("card_declined");
    }

    [Fact]
    public async Task SandboxPaymentIntent_ReplayWithOtherParameters_Answers400IdempotencyError()
    {
        var stripe = Stripe();
        var account = await NewAccountAsync(stripe);
        var first = await SavedCardAsync(stripe, account, TestCard.Visa);
        var other = await SavedCardAsync(stripe, account, TestCard.Visa);
        var onAccount = new RequestOptions { StripeAccount = account, IdempotencyKey = "wire-test-replay" };

        var charged = await stripe.V1.PaymentIntents.CreateAsync(OffSession(first), onAccount, Ct);
        var otherCard = () => stripe.V1.PaymentIntents.CreateAsync(OffSession(other), onAccount, Ct);
        var refused = await otherCard.ShouldThrowAsync<StripeException>();
        var replayed = await stripe.V1.PaymentIntents.CreateAsync(OffSession(first), onAccount, Ct);

        refused.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.StripeError.Type.ShouldBe("idempotency_error");
        replayed.Id.ShouldBe(charged.Id, "the same request under the same key is answered from the first");
        (await stripe.V1.PaymentIntents.ListAsync(new PaymentIntentListOptions { Customer = other.Customer }, new RequestOptions { StripeAccount = account }, Ct))
            .Data.ShouldAllBe(i => i.Amount != 1_000, "the refused request charged nothing");
    }

    [Fact]
    public async Task SandboxPaymentIntent_ReplayOfACardError_Answers402Again()
    {
        var stripe = Stripe();
        var account = await NewAccountAsync(stripe);
        var card = await SavedCardAsync(stripe, account, TestCard.DeclinesOffSession);
        var onAccount = new RequestOptions { StripeAccount = account, IdempotencyKey = "wire-test-declined" };
        var charge = () => stripe.V1.PaymentIntents.CreateAsync(OffSession(card), onAccount, Ct);

        var declined = await charge.ShouldThrowAsync<StripeException>();
        var replayed = await charge.ShouldThrowAsync<StripeException>();

        replayed.HttpStatusCode.ShouldBe(HttpStatusCode.PaymentRequired);
        replayed.StripeError.Code.ShouldBe("card_declined");
        replayed.StripeError.PaymentIntent.Id.ShouldBe(declined.StripeError.PaymentIntent.Id);
    }

    [Fact]
    public async Task WrongKey_IsRefusedLikeStripeDoes()
    {
        var stripe = new StripeClient("sk_test_not_the_sandbox", httpClient: new SystemNetHttpClient(api.CreateClient()), apiBase: "http://localhost/stripe-sandbox");

        var call = () => stripe.V1.Accounts.GetAsync("acct_x", cancellationToken: Ct);

        (await call.ShouldThrowAsync<StripeException>()).HttpStatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<string> NewAccountAsync(StripeClient stripe) =>
        (await stripe.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "standard", Email = "a@wire.example" }, cancellationToken: Ct)).Id;

    private async Task<(string Customer, string PaymentMethod)> SavedCardAsync(StripeClient stripe, string account, TestCard card)
    {
        var onAccount = new RequestOptions { StripeAccount = account };
        var session = await stripe.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "payment", SuccessUrl = "https://shop.example/ok", CustomerEmail = "saver@example.com", CustomerCreation = "always",
            LineItems = [new SessionLineItemOptions { Quantity = 1, PriceData = new SessionLineItemPriceDataOptions
                { Currency = "usd", UnitAmount = 100, ProductData = new SessionLineItemPriceDataProductDataOptions { Name = "First" } } }],
            PaymentIntentData = new SessionPaymentIntentDataOptions { SetupFutureUsage = "off_session" },
        }, onAccount, Ct);
        await api.PayAsync(session.Url, card);
        var paid = await stripe.V1.Checkout.Sessions.GetAsync(session.Id, null, onAccount, Ct);
        var intent = await stripe.V1.PaymentIntents.GetAsync(paid.PaymentIntentId, null, onAccount, Ct);
        return (paid.CustomerId, intent.PaymentMethodId);
    }

    private static PaymentIntentCreateOptions OffSession((string Customer, string PaymentMethod) card) => new()
    {
        Amount = 1_000, Currency = "usd", Customer = card.Customer, PaymentMethod = card.PaymentMethod, Confirm = true, OffSession = true,
        ErrorOnRequiresAction = true, ApplicationFeeAmount = 30,
    };
}
