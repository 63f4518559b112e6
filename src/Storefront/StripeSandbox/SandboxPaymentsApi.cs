using System.Text.Json.Nodes;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>Payment intents (including off-session charges of saved cards), charges, refunds, customers, and a dispute helper.</summary>
public static class SandboxPaymentsApi
{
    public static RouteGroupBuilder MapSandboxPayments(this RouteGroupBuilder v1)
    {
        v1.MapGet("/payment_intents/{id}", async (string id, HttpRequest r, SandboxStore s, SandboxOutages o, CancellationToken ct) =>
            o.FailRead(r.Account()) ?? await GetOwnedAsync("payment_intent", id, r, s, ct));
        v1.MapGet("/charges/{id}", (string id, HttpRequest r, SandboxStore s, CancellationToken ct) => GetOwnedAsync("charge", id, r, s, ct));
        v1.MapGet("/customers/{id}", (string id, HttpRequest r, SandboxStore s, CancellationToken ct) => GetOwnedAsync("customer", id, r, s, ct));
        v1.MapGet("/disputes/{id}", (string id, HttpRequest r, SandboxStore s, CancellationToken ct) => GetOwnedAsync("dispute", id, r, s, ct));
        v1.MapGet("/payment_intents", ListPaymentIntentsAsync);
        v1.MapPost("/payment_intents", CreatePaymentIntentAsync);
        v1.MapPost("/refunds", RefundAsync);
        v1.MapPost("/test_helpers/disputes", DisputeAsync);
        return v1;
    }

    // Documents of a connected account carry it as their partition; without the right Stripe-Account they do not exist.
    private static async Task<IResult> GetOwnedAsync(string kind, string id, HttpRequest request, SandboxStore store, CancellationToken ct)
    {
        var found = await store.GetAsync(kind, id, ct);
        return found is not null && OwnerOf(found) == request.Account() ? StripeJson.Object(found) : StripeJson.NotFound(kind, id);
    }

    /// <summary>The account's payment intents, newest first, by <c>customer</c> and <c>created[gte]</c>, in Stripe's list shape.</summary>
    public static async Task<IResult> ListPaymentIntentsAsync(HttpRequest request, SandboxStore store, SandboxOutages outages, CancellationToken ct)
    {
        var account = request.Account();
        if (account is null) return StripeJson.NoAccount();
        if (outages.FailSearch(account) is { } failed) return failed;
        var query = request.Query;
        var take = 10;
        if (query["limit"].Count > 0 && (!int.TryParse(query["limit"], out take) || take is < 1 or > 100))
        {
            return StripeJson.Error(400, "limit must be a whole number from 1 to 100.", "limit");
        }
        long? since = null;
        if (query["created[gte]"].Count > 0)
        {
            if (!long.TryParse(query["created[gte]"], out var gte)) return StripeJson.Error(400, "created[gte] must be a Unix time in seconds.", "created");
            since = gte;
        }
        var customer = query["customer"].ToString();
        var after = query["starting_after"].ToString();
        var intents = await store.ListAsync("payment_intent", account, 10_000, ct);
        if (after.Length > 0 && !intents.Any(i => i.Text("id") == after)) return StripeJson.NotFound("payment_intent", after);
        return StripeJson.List("/v1/payment_intents",
            intents.Where(i => (customer.Length == 0 || i.Text("customer") == customer) && (since is null || i.Number("created") >= since)), after, take);
    }

    public static async Task<IResult> CreatePaymentIntentAsync(
        HttpRequest request, SandboxStore store, SandboxPayments payments, SandboxOutages outages, CancellationToken ct)
    {
        var account = request.Account();
        if (outages.For(account) == SandboxOutage.Refuse)
        {
            return SandboxOutages.Fail(SandboxOutage.Refuse);
        }
        var result = await CreateOffSessionAsync(request, account, store, payments, ct);
        // A lost answer: whatever was done stays done (and a retry with the same key is answered from it once the outage ends).
        return outages.For(account) == SandboxOutage.LoseAnswers ? SandboxOutages.Fail(SandboxOutage.LoseAnswers) : result;
    }

    private static async Task<IResult> CreateOffSessionAsync(
        HttpRequest request, string? account, SandboxStore store, SandboxPayments payments, CancellationToken ct)
    {
        var form = StripeForm.Parse(await request.ReadFormAsync(ct));
        var amount = form.Number("amount");
        var currency = form.Text("currency");
        var customer = form.Text("customer");
        var method = form.Text("payment_method");
        if (account is null) return StripeJson.NoAccount();
        if (amount is not > 0 || currency is null) return StripeJson.Error(400, "amount and currency are required.", "amount");
        if (form.Text("confirm") != "true" || form.Text("off_session") != "true" || customer is null || method is null)
        {
            return StripeJson.Error(400, "The sandbox creates payment intents only as confirmed off-session charges of a saved card.", "confirm");
        }
        var key = request.Headers["Idempotency-Key"].ToString();
        var keyId = SandboxIdempotency.KeyOf(request, key);
        if (key.Length > 0 && await store.GetAsync("idempotency", keyId, ct) is { } earlier)
        {
            return SandboxIdempotency.Replay(earlier, form, key);
        }

        var (intent, error) = await payments.ChargeOffSessionAsync(account, customer, method, amount.Value, currency,
            form.Number("application_fee_amount") ?? 0, StripeJson.Metadata(form["metadata"]?.AsObject()), ct);
        var (status, body) = error is null ? (200, StripeJson.Public(intent)) : (402, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["type"] = "card_error", ["code"] = error, ["message"] = SandboxPayments.Message(error),
                ["payment_intent"] = StripeJson.Public(intent),
            },
        });
        if (key.Length > 0)
        {
            store.Add("idempotency", SandboxIdempotency.Remember(keyId, form, status, body));
            await store.SaveAsync(ct);
        }
        return StripeJson.Object(body, status);
    }

    public static async Task<IResult> RefundAsync(HttpRequest request, SandboxStore store, SandboxEvents events, EngineDbContext db, CancellationToken ct)
    {
        var account = request.Account();
        var form = StripeForm.Parse(await request.ReadFormAsync(ct));
        var charge = await FindChargeAsync(store, form, ct);
        if (charge is null || OwnerOf(charge) != account)
        {
            return StripeJson.Error(404, "No such charge or payment_intent on this account.", "payment_intent", code: "resource_missing");
        }
        var remaining = charge.Number("amount")!.Value - charge.Number("amount_refunded")!.Value;
        var amount = form.Number("amount") ?? remaining;
        if (amount <= 0 || amount > remaining)
        {
            return StripeJson.Error(400, $"Refund amount must be between 1 and {remaining}.", "amount");
        }
        return await SandboxIdempotency.RunAsync(request, store, db, async () =>
        {
            var refund = new JsonObject
            {
                ["id"] = SandboxIds.New("re"), ["object"] = "refund", ["amount"] = amount, ["currency"] = charge.Text("currency"),
                ["charge"] = charge.Text("id"), ["payment_intent"] = charge.Text("payment_intent"), ["status"] = "succeeded",
                ["reason"] = form.Text("reason"), ["created"] = store.Now,
                ["_sandbox"] = new JsonObject { ["account"] = account },
            };
            charge["amount_refunded"] = charge.Number("amount_refunded") + amount;
            charge["refunded"] = charge.Number("amount_refunded") == charge.Number("amount");
            await store.UpdateAsync("charge", charge, ct);
            store.Add("refund", refund, account);
            events.Publish("charge.refunded", charge, account);
            events.Publish("refund.created", refund, account);
            return ((JsonObject?)refund, (IResult?)null);
        }, ct);
    }

    /// <summary>Test helper: the cardholder disputes a payment, and the dispute closes won or lost.</summary>
    public static async Task<IResult> DisputeAsync(HttpRequest request, SandboxStore store, SandboxEvents events, CancellationToken ct)
    {
        var account = request.Account();
        var form = StripeForm.Parse(await request.ReadFormAsync(ct));
        var charge = await FindChargeAsync(store, form, ct);
        if (charge is null || OwnerOf(charge) != account)
        {
            return StripeJson.Error(404, "No such charge or payment_intent on this account.", "payment_intent", code: "resource_missing");
        }
        var status = form.Text("status") is "won" ? "won" : "lost";
        // Usually the whole charge; a cardholder may dispute less (only the part not refunded, say).
        var amount = form.Number("amount") ?? charge.Number("amount")!.Value;
        if (amount <= 0 || amount > charge.Number("amount"))
        {
            return StripeJson.Error(400, $"A dispute's amount must be between 1 and {charge.Number("amount")}.", "amount");
        }
        var dispute = new JsonObject
        {
            ["id"] = SandboxIds.New("dp"), ["object"] = "dispute", ["amount"] = amount, ["currency"] = charge.Text("currency"),
            ["charge"] = charge.Text("id"), ["payment_intent"] = charge.Text("payment_intent"), ["reason"] = "fraudulent",
            ["status"] = "needs_response", ["created"] = store.Now,
            ["_sandbox"] = new JsonObject { ["account"] = account },
        };
        charge["disputed"] = true;
        await store.UpdateAsync("charge", charge, ct);
        events.Publish("charge.dispute.created", dispute, account);
        dispute["status"] = status;
        store.Add("dispute", dispute, account); // Stored as it ends, so that a retrieve tells the truth the webhook reports.
        events.Publish("charge.dispute.closed", dispute, account);
        await store.SaveAsync(ct);
        return StripeJson.Object(dispute);
    }

    private static async Task<JsonObject?> FindChargeAsync(SandboxStore store, JsonObject form, CancellationToken ct)
    {
        if (form.Text("charge") is { } chargeId)
        {
            return await store.GetAsync("charge", chargeId, ct);
        }
        if (form.Text("payment_intent") is { } intentId && await store.GetAsync("payment_intent", intentId, ct) is { } intent
            && intent.Text("latest_charge") is { } latest)
        {
            return await store.GetAsync("charge", latest, ct);
        }
        return null;
    }

    private static string? OwnerOf(JsonObject document) => document["_sandbox"]?["account"]?.GetValue<string>();
}
