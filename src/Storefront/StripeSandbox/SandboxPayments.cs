using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Outbox;
using ResellerKit.Storefront.Payments.Stripe;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// Takes sandbox payments as Stripe would: a customer, a saved payment method, a payment intent with the platform's
/// application fee, a charge, and the events that report them.
/// </summary>
public sealed class SandboxPayments(SandboxStore store, SandboxEvents events, OutboxWriter outbox, IOptions<StripeOptions> options)
{
    public const string SettleTopic = "stripe-sandbox.settle";

    /// <summary>Pays an open checkout session with a test card. Returns an error message when the card is declined.</summary>
    public async Task<string?> PayCheckoutAsync(JsonObject session, TestCard card, CancellationToken ct)
    {
        var account = session["_sandbox"]!["account"]!.GetValue<string>();
        var amount = session.Number("amount_total")!.Value;
        var currency = session.Text("currency")!;
        var customerId = session.Text("customer") ?? await CreateCustomerAsync(account, session.Text("customer_email"), ct);
        var paymentMethod = NewPaymentMethod(account, customerId, card);
        var delayed = card is TestCard.DelayedSuccess or TestCard.DelayedFailure;
        var intent = NewPaymentIntent(account, amount, currency, customerId, (string)paymentMethod["id"]!,
            session["_sandbox"]!["application_fee_amount"]?.GetValue<long>() ?? 0,
            session["_sandbox"]!["payment_intent_metadata"]?.DeepClone() as JsonObject ?? new JsonObject(),
            card == TestCard.Declines ? "requires_payment_method" : delayed ? "processing" : "succeeded");
        if (card == TestCard.Declines)
        {
            // As on Stripe: the attempt's payment intent fails and says so (payment_intent.payment_failed); the session stays
            // open, and the customer may try another card on the same page.
            const string declined = "Your card was declined: insufficient funds.";
            intent["last_payment_error"] = new JsonObject
            {
                ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = "insufficient_funds", ["message"] = declined,
            };
            store.Add("payment_intent", intent, account);
            events.Publish("payment_intent.payment_failed", intent, account);
            await store.SaveAsync(ct);
            return declined + " Try another test card.";
        }
        if (!delayed)
        {
            store.Add("charge", NewCharge(account, intent), account);
        }

        session["status"] = "complete";
        session["payment_status"] = delayed ? "unpaid" : "paid";
        session["payment_intent"] = (string)intent["id"]!;
        session["customer"] = customerId;
        await store.UpdateAsync("checkout.session", session, ct);
        store.Add("payment_intent", intent, account);
        events.Publish("checkout.session.completed", session, account);
        if (delayed)
        {
            var settle = new JsonObject { ["session"] = (string)session["id"]!, ["account"] = account, ["succeeds"] = card == TestCard.DelayedSuccess };
            outbox.Enqueue(SettleTopic, "settle_" + (string)session["id"]!, settle.ToJsonString(), notBefore: DateTimeOffset.UtcNow + options.Value.SandboxSettleDelay);
        }
        else
        {
            events.Publish("payment_intent.succeeded", intent, account);
        }
        await store.SaveAsync(ct);
        return null;
    }

    /// <summary>Settles a delayed payment: the money arrived (or did not), days later in real life.</summary>
    public async Task SettleAsync(string account, string sessionId, bool succeeds, CancellationToken ct)
    {
        var session = await store.GetAsync("checkout.session", sessionId, ct) ?? throw new InvalidOperationException($"No session {sessionId}.");
        var intent = (await store.GetAsync("payment_intent", session.Text("payment_intent")!, ct))!;
        intent["status"] = succeeds ? "succeeded" : "requires_payment_method";
        if (succeeds)
        {
            var charge = NewCharge(account, intent);
            store.Add("charge", charge, account);
            intent["amount_received"] = intent.Number("amount");
            session["payment_status"] = "paid";
        }
        await store.UpdateAsync("payment_intent", intent, ct);
        await store.UpdateAsync("checkout.session", session, ct);
        events.Publish(succeeds ? "checkout.session.async_payment_succeeded" : "checkout.session.async_payment_failed", session, account);
        await store.SaveAsync(ct);
    }

    /// <summary>
    /// An off-session charge of a saved card (auto-recharge). Returns the payment intent, or a Stripe card error
    /// (<c>authentication_required</c>, <c>card_declined</c>) as Stripe answers with error_on_requires_action.
    /// </summary>
    public async Task<(JsonObject Intent, string? ErrorCode)> ChargeOffSessionAsync(
        string account, string customerId, string paymentMethodId, long amount, string currency, long fee, JsonObject metadata, CancellationToken ct)
    {
        var method = await store.GetAsync("payment_method", paymentMethodId, ct);
        var card = Enum.TryParse<TestCard>(method?["_sandbox"]?["card"]?.GetValue<string>(), out var c) ? c : TestCard.Declines;
        var fails = card switch { TestCard.RequiresAuthentication => "authentication_required", TestCard.Visa => null, _ => "card_declined" };
        var intent = NewPaymentIntent(account, amount, currency, customerId, paymentMethodId, fee, metadata, fails is null ? "succeeded" : "requires_payment_method");
        if (fails is not null)
        {
            intent["last_payment_error"] = new JsonObject { ["type"] = "card_error", ["code"] = fails, ["message"] = Message(fails) };
        }
        // The charge first: it sets the intent's latest_charge, which a refund or dispute by payment_intent reads.
        var charge = fails is null ? NewCharge(account, intent) : null;
        store.Add("payment_intent", intent, account);
        if (charge is not null)
        {
            store.Add("charge", charge, account);
            events.Publish("payment_intent.succeeded", intent, account);
        }
        else
        {
            events.Publish("payment_intent.payment_failed", intent, account);
        }
        await store.SaveAsync(ct);
        return (intent, fails);
    }

    public static string Message(string code) => code == "authentication_required"
        ? "This payment requires authentication (3-D Secure); the customer must confirm it on-session."
        : "Your card was declined.";

    private async Task<string> CreateCustomerAsync(string account, string? email, CancellationToken ct)
    {
        var customer = new JsonObject
        {
            ["id"] = SandboxIds.New("cus"), ["object"] = "customer", ["email"] = email, ["created"] = store.Now, ["livemode"] = false,
            ["metadata"] = new JsonObject(), ["invoice_settings"] = new JsonObject { ["default_payment_method"] = null },
            ["_sandbox"] = new JsonObject { ["account"] = account },
        };
        store.Add("customer", customer, account);
        await Task.CompletedTask;
        return (string)customer["id"]!;
    }

    private JsonObject NewPaymentMethod(string account, string customerId, TestCard card)
    {
        var method = new JsonObject
        {
            ["id"] = SandboxIds.New("pm"), ["object"] = "payment_method", ["type"] = "card", ["customer"] = customerId, ["created"] = store.Now,
            ["livemode"] = false,
            ["card"] = new JsonObject { ["brand"] = "visa", ["last4"] = TestCards.Last4(card), ["exp_month"] = 12, ["exp_year"] = 2034 },
            ["_sandbox"] = new JsonObject { ["card"] = card.ToString(), ["account"] = account },
        };
        store.Add("payment_method", method, customerId);
        return method;
    }

    private JsonObject NewPaymentIntent(string account, long amount, string currency, string customerId, string paymentMethodId,
        long fee, JsonObject metadata, string status) => new()
    {
        ["id"] = SandboxIds.New("pi"), ["object"] = "payment_intent", ["amount"] = amount,
        ["amount_received"] = status == "succeeded" ? amount : 0, ["currency"] = currency, ["status"] = status,
        ["customer"] = customerId, ["payment_method"] = paymentMethodId, ["application_fee_amount"] = fee,
        ["metadata"] = metadata, ["created"] = store.Now, ["livemode"] = false, ["latest_charge"] = null,
        ["_sandbox"] = new JsonObject { ["account"] = account },
    };

    private JsonObject NewCharge(string account, JsonObject intent)
    {
        var charge = new JsonObject
        {
            ["id"] = SandboxIds.New("ch"), ["object"] = "charge", ["amount"] = intent.Number("amount"), ["amount_refunded"] = 0L,
            ["refunded"] = false, ["currency"] = intent.Text("currency"), ["payment_intent"] = intent.Text("id"),
            ["customer"] = intent.Text("customer"), ["payment_method"] = intent.Text("payment_method"), ["status"] = "succeeded",
            ["paid"] = true, ["captured"] = true, ["disputed"] = false, ["created"] = store.Now, ["livemode"] = false,
            ["application_fee_amount"] = intent.Number("application_fee_amount"),
            ["_sandbox"] = new JsonObject { ["account"] = account },
        };
        intent["latest_charge"] = charge.Text("id");
        return charge;
    }
}
