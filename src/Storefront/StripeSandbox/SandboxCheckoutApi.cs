using System.Text.Json.Nodes;
using ResellerKit.Engine.Persistence;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>Checkout Sessions, created on a connected account as direct charges with the platform's application fee.</summary>
public static class SandboxCheckoutApi
{
    public static RouteGroupBuilder MapSandboxCheckout(this RouteGroupBuilder v1)
    {
        v1.MapPost("/checkout/sessions", CreateAsync);
        v1.MapGet("/checkout/sessions/{id}", GetAsync);
        v1.MapPost("/checkout/sessions/{id}/expire", ExpireAsync);
        return v1;
    }

    public static async Task<IResult> CreateAsync(HttpRequest request, SandboxStore store, EngineDbContext db, PublicUrls urls, CancellationToken ct)
    {
        var account = request.Account();
        if (account is null || await store.GetAsync("account", account, ct) is null)
        {
            return StripeJson.Error(400, "The sandbox creates Checkout Sessions on connected accounts: send a known Stripe-Account header.", "Stripe-Account");
        }
        var form = StripeForm.Parse(await request.ReadFormAsync(ct));
        var item = form["line_items"]?[0]?.AsObject();
        var unitAmount = item?["price_data"]?.AsObject().Number("unit_amount");
        var quantity = item?.Number("quantity") ?? 1;
        var currency = item?["price_data"]?["currency"]?.GetValue<string>();
        var fee = form["payment_intent_data"]?.AsObject().Number("application_fee_amount") ?? 0;
        if (form.Text("mode") != "payment") return StripeJson.Error(400, "The sandbox supports mode=payment only.", "mode");
        if (form.Text("success_url") is null) return StripeJson.Error(400, "Missing required param: success_url.", "success_url");
        if (unitAmount is not > 0 || currency is null) return StripeJson.Error(400, "line_items[0][price_data] needs unit_amount and currency.", "line_items");
        if (fee < 0 || fee > unitAmount * quantity) return StripeJson.Error(400, "application_fee_amount cannot exceed the amount.", "payment_intent_data[application_fee_amount]");

        return await SandboxIdempotency.RunAsync(request, store, db, () =>
        {
            var id = SandboxIds.New("cs_test");
            var session = new JsonObject
            {
                ["id"] = id, ["object"] = "checkout.session", ["mode"] = "payment", ["livemode"] = false,
                ["amount_subtotal"] = unitAmount * quantity, ["amount_total"] = unitAmount * quantity, ["currency"] = currency,
                ["client_reference_id"] = form.Text("client_reference_id"), ["customer"] = form.Text("customer"),
                ["customer_creation"] = form.Text("customer_creation"), ["customer_email"] = form.Text("customer_email"),
                ["metadata"] = StripeJson.Metadata(form["metadata"]?.AsObject()),
                ["payment_intent"] = null, ["payment_status"] = "unpaid", ["status"] = "open",
                ["success_url"] = form.Text("success_url"), ["cancel_url"] = form.Text("cancel_url"),
                ["url"] = $"{urls.BaseUrl}/stripe-sandbox/checkout/{id}",
                ["created"] = store.Now, ["expires_at"] = store.Now + (long)SandboxExpiry.SessionLifetime.TotalSeconds,
                ["_sandbox"] = new JsonObject
                {
                    ["account"] = account,
                    ["application_fee_amount"] = fee,
                    ["description"] = item?["price_data"]?["product_data"]?["name"]?.GetValue<string>(),
                    ["payment_intent_metadata"] = StripeJson.Metadata(form["payment_intent_data"]?["metadata"]?.AsObject()),
                },
            };
            store.Add("checkout.session", session, account);
            return Task.FromResult<(JsonObject?, IResult?)>((session, null));
        }, ct);
    }

    public static async Task<IResult> GetAsync(string id, HttpRequest request, SandboxStore store, CancellationToken ct)
    {
        var session = await store.GetAsync("checkout.session", id, ct);
        // A connected account's objects are visible only with its Stripe-Account header, as on Stripe.
        return session is not null && session["_sandbox"]!["account"]!.GetValue<string>() == request.Account()
            ? StripeJson.Object(session)
            : StripeJson.NotFound("checkout.session", id);
    }

    public static async Task<IResult> ExpireAsync(string id, HttpRequest request, SandboxStore store, SandboxExpiry expiry, CancellationToken ct)
    {
        var session = await store.GetAsync("checkout.session", id, ct);
        var account = request.Account();
        if (session is null || session["_sandbox"]!["account"]!.GetValue<string>() != account)
        {
            return StripeJson.NotFound("checkout.session", id);
        }
        if (session.Text("status") != "open")
        {
            return StripeJson.Error(400, "Only open sessions can be expired.", "session");
        }
        await expiry.ExpireAsync(session, ct);
        return StripeJson.Object(session);
    }
}
