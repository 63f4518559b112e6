using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Antiforgery;
using ResellerKit.Engine.Users;
using ResellerKit.Storefront.Hosting;
using static ResellerKit.Storefront.StripeSandbox.SandboxHtml;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// The sandbox's hosted pages: the checkout page (a plain form whose button is "Pay"), the Connect onboarding
/// stand-in, and a small dashboard to refund recent payments. The checkout page opens by its session id, as Stripe's
/// does; the dashboard lists every agency's payments, so only a signed-in platform admin may open or use it.
/// </summary>
public static class SandboxPages
{
    public static RouteGroupBuilder MapSandboxPages(this RouteGroupBuilder sandbox)
    {
        sandbox.MapGet("/checkout/{id}", ShowCheckoutAsync);
        sandbox.MapPost("/checkout/{id}", PayAsync);
        sandbox.MapGet("/connect/{account}", (string account, string? return_url) =>
            Page("Stripe onboarding", $"<h1>Account {E(account)} is ready</h1><p>The sandbox completes onboarding at once.</p>" +
                $"<p><a href=\"{E(SafeReturn(return_url))}\">Return to your platform</a></p>"));
        sandbox.MapGet("/", DashboardAsync).RequireAuthorization(p => p.RequireRole(Roles.PlatformAdmin));
        sandbox.MapPost("/dashboard/refund", DashboardRefundAsync).RequireAuthorization(p => p.RequireRole(Roles.PlatformAdmin));
        return sandbox;
    }

    public static async Task<IResult> ShowCheckoutAsync(string id, SandboxStore store, CancellationToken ct)
    {
        var session = await store.GetAsync("checkout.session", id, ct);
        return session is null
            ? Page("Checkout not found", "<h1>This checkout does not exist</h1>", 404)
            : await CheckoutPageAsync(session, store, null, ct);
    }

    public static async Task<IResult> PayAsync(string id, HttpRequest request, SandboxStore store, SandboxPayments payments, CancellationToken ct)
    {
        var session = await store.GetAsync("checkout.session", id, ct);
        if (session is null)
        {
            return Page("Checkout not found", "<h1>This checkout does not exist</h1>", 404);
        }
        if (session.Text("status") != "open" || session.Number("expires_at") < store.Now)
        {
            return await CheckoutPageAsync(session, store, null, ct);
        }
        var form = await request.ReadFormAsync(ct);
        var card = Enum.TryParse<TestCard>(form["card"].ToString(), out var chosen) ? chosen : TestCard.Visa;
        var declined = await payments.PayCheckoutAsync(session, card, ct);
        if (declined is not null)
        {
            return await CheckoutPageAsync(session, store, declined, ct);
        }
        // The agency chose the success URL (any absolute URL, logó.png and all); a header carries only its escaped form.
        return HeaderUrls.Escaped(session.Text("success_url")!.Replace("{CHECKOUT_SESSION_ID}", id, StringComparison.Ordinal)) is { } location
            ? Results.Redirect(location)
            : await CheckoutPageAsync(session, store, null, ct);
    }

    private static async Task<IResult> CheckoutPageAsync(JsonObject session, SandboxStore store, string? error, CancellationToken ct)
    {
        var account = await store.GetAsync("account", session["_sandbox"]!["account"]!.GetValue<string>(), ct);
        var merchant = account?["business_profile"]?["name"]?.GetValue<string>() ?? "the merchant";
        var amount = Amount(session.Number("amount_total")!.Value, session.Text("currency")!);
        var description = session["_sandbox"]!["description"]?.GetValue<string>();
        if (session.Text("status") != "open")
        {
            var done = session.Text("status") == "complete";
            return Page("Checkout closed", $"<h1>This checkout is {(done ? "paid" : "closed")}</h1>" +
                (done ? $"<p><a href=\"{E(session.Text("success_url")!.Replace("{CHECKOUT_SESSION_ID}", session.Text("id"), StringComparison.Ordinal))}\">Continue</a></p>" : ""));
        }
        var cards = new StringBuilder();
        foreach (var (card, label) in TestCards.All)
        {
            cards.Append($"<label><input type=\"radio\" name=\"card\" value=\"{card}\"{(card == TestCard.Visa ? " checked" : "")}> {E(label)}</label>");
        }
        return Page($"Pay {merchant}", $"""
            <h1>Pay {E(merchant)}</h1>
            <p class="amount">{E(amount)}</p>
            <p>{E(description)}</p>
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}
            <form method="post">
              <fieldset><legend>Test payment method</legend>{cards}</fieldset>
              <p>Receipt to {E(session.Text("customer_email") ?? "the customer on file")}</p>
              <button type="submit">Pay</button>
            </form>
            <p><a href="{E(session.Text("cancel_url") ?? "/")}">Cancel and return</a></p>
            """, error is null ? 200 : 402);
    }

    public static async Task<IResult> DashboardAsync(HttpContext http, SandboxStore store, IAntiforgery antiforgery, CancellationToken ct)
    {
        var token = antiforgery.GetAndStoreTokens(http);
        var rows = new StringBuilder();
        foreach (var charge in await store.ListAsync("charge", null, 50, ct))
        {
            var left = charge.Number("amount")!.Value - charge.Number("amount_refunded")!.Value;
            rows.Append($"<tr><td>{E(charge.Text("payment_intent"))}</td><td>{E(Amount(charge.Number("amount")!.Value, charge.Text("currency")!))}</td>" +
                $"<td>{E(Amount(charge.Number("amount_refunded")!.Value, charge.Text("currency")!))}</td><td>");
            if (left > 0)
            {
                rows.Append($"<form method=\"post\" action=\"/stripe-sandbox/dashboard/refund\"><input type=\"hidden\" name=\"charge\" value=\"{E(charge.Text("id"))}\">" +
                    $"<input type=\"hidden\" name=\"{E(token.FormFieldName)}\" value=\"{E(token.RequestToken)}\">" +
                    $"<button type=\"submit\" aria-label=\"Refund {E(charge.Text("payment_intent"))}\">Refund</button></form>");
            }
            rows.Append("</td></tr>");
        }
        return Page("Stripe sandbox", $"<h1>Recent payments</h1><table><thead><tr><th>Payment</th><th>Amount</th><th>Refunded</th><th></th></tr></thead><tbody>{rows}</tbody></table>" +
            "<p>API: <code>/stripe-sandbox/v1</code> with this install's sandbox key (printed when it starts); events at <code>/stripe-sandbox/v1/events</code>.</p>");
    }

    public static async Task<IResult> DashboardRefundAsync(HttpRequest request, SandboxStore store, SandboxEvents events, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(request.HttpContext))
        {
            return Page("Refund refused", "<h1>This form has expired</h1><p><a href=\"/stripe-sandbox/\">Open the dashboard again</a> and retry.</p>", 400);
        }
        var form = await request.ReadFormAsync(ct);
        var charge = await store.GetAsync("charge", form["charge"].ToString(), ct);
        if (charge is not null && charge.Number("amount_refunded") < charge.Number("amount"))
        {
            charge["amount_refunded"] = charge.Number("amount");
            charge["refunded"] = true;
            await store.UpdateAsync("charge", charge, ct);
            events.Publish("charge.refunded", charge, charge["_sandbox"]!["account"]!.GetValue<string>());
            await store.SaveAsync(ct);
        }
        return Results.Redirect("/stripe-sandbox/");
    }

    // Onboarding returns to the platform's own pages only: a relative path, or an absolute http(s) URL.
    private static string SafeReturn(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? url : "/";
}
