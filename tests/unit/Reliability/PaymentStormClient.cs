using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Purchases;
using ResellerKit.Storefront.Payments.Stripe;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// Purchases and refunds in a storm, the way money really moves: a checkout through the API (retried with its
/// Idempotency-Key), the sandbox's Pay button, its signed webhook through the outbox, and sometimes the success page's
/// own fulfilment racing the webhook; a refund in the sandbox, reported by its <c>charge.refunded</c> webhook and
/// sometimes replayed straight into <see cref="ReversePayment"/> at the same time.
/// </summary>
public sealed class PaymentStormClient(ApiFixture api, StormJournal journal)
{
    private readonly ConcurrentQueue<(StormAgency Agency, string Session)> refundable = new();

    public async Task PurchaseAsync(StormAgency agency, ResellerKit.Engine.Common.SubAccountId subAccount, string key, bool raceFulfilment)
    {
        var path = $"/api/v1/sub-accounts/{subAccount.Value}/checkout-sessions";
        var body = $"{{\"packId\":\"{agency.Pack}\"}}";
        var started = StormJournal.Now();
        var answers = await Task.WhenAll(
            HttpStormClient.SendAsync(agency.Api.Client, HttpMethod.Post, path, body, key),
            HttpStormClient.SendAsync(agency.Api.Client, HttpMethod.Post, path, body, key));
        var checkout = new StormOperation(StormKind.Checkout, agency.Id, subAccount, StormWorld.PackCredits, started, StormJournal.Now());
        foreach (var (status, answer) in answers.Where(a => a.Status != HttpStatusCode.Created))
        {
            journal.Record(checkout with { Refused = HttpStormClient.CodeOf(answer), Status = (int)status });
        }
        if (answers[0].Status != HttpStatusCode.Created)
        {
            Refused("checkout", answers[0].Status, answers[0].Body);
            return;
        }
        var session = JsonDocument.Parse(answers[0].Body).RootElement;
        var sessionId = session.GetProperty("id").GetString()!;
        if (answers[1].Status is HttpStatusCode.Conflict or HttpStatusCode.Locked && !answers[1].Body.Contains("idempotency_key_reused", StringComparison.Ordinal))
        {
            // Its twin ran while another client switched the sub-account to shared mode (or paused it) and found no
            // purchase yet: it is refused, and still nothing is opened or charged twice (StormChecks counts purchases).
            journal.Count("checkout: twin refused by a concurrent switch");
        }
        else if (answers[1].Status != HttpStatusCode.Created || JsonDocument.Parse(answers[1].Body).RootElement.GetProperty("id").GetString() != sessionId)
        {
            journal.Fail($"checkout: two requests with Idempotency-Key {key} opened different sessions: {answers[0].Body} | {answers[1].Body}");
        }

        var paid = await api.PayAsync(session.GetProperty("url").GetString()!);
        if (paid.StatusCode != HttpStatusCode.Redirect)
        {
            journal.Fail($"checkout {sessionId}: Pay answered {(int)paid.StatusCode}");
            return;
        }
        journal.PaidSessions[sessionId] = agency.Id;
        journal.Count("checkout: paid");
        if (raceFulfilment)
        {
            // The buyer lands on the success page while the webhook is on its way: both fulfil, one grants.
            await using var scope = api.Services.CreateAsyncScope();
            journal.Count("checkout: success page " + await scope.ServiceProvider.GetRequiredService<FulfillCheckout>().HandleAsync(agency.StripeAccount, sessionId, default));
        }
        refundable.Enqueue((agency, sessionId));
    }

    /// <summary>Refunds a quarter or all of one paid purchase, once it has been fulfilled.</summary>
    public async Task RefundAsync(bool whole, bool replay)
    {
        if (!refundable.TryDequeue(out var paid))
        {
            journal.Count("refund: nothing paid yet");
            return;
        }
        await using var scope = api.Services.CreateAsyncScope();
        var purchase = await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Purchases.AsNoTracking()
            .SingleAsync(p => p.CheckoutSessionId == paid.Session);
        if (purchase.PaymentIntentId is null)
        {
            refundable.Enqueue(paid); // Not fulfilled yet: someone else may refund it later.
            journal.Count("refund: not fulfilled yet");
            return;
        }
        var sandbox = api.WithKey(api.SandboxKey);
        sandbox.DefaultRequestHeaders.Add("Stripe-Account", paid.Agency.StripeAccount);
        var amount = whole ? purchase.Amount : purchase.Amount / 4;
        // The reversal lands when its webhook does, at a moment no client sees: from the refund on, any time.
        journal.Record(new StormOperation(StormKind.Refund, paid.Agency.Id, purchase.SubAccountId, whole ? purchase.Credits : (purchase.Credits + 3) / 4,
            StormJournal.Now(), long.MaxValue));
        var refund = await sandbox.PostAsync("/stripe-sandbox/v1/refunds", new FormUrlEncodedContent(
            [new("payment_intent", purchase.PaymentIntentId), new("amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture))]), Ct);
        if (refund.StatusCode != HttpStatusCode.OK)
        {
            journal.Fail($"refund of {purchase.PaymentIntentId}: the sandbox answered {(int)refund.StatusCode} {await refund.Content.ReadAsStringAsync(Ct)}");
            return;
        }
        journal.Count(whole ? "refund: whole" : "refund: a quarter");
        if (replay)
        {
            // The same charge.refunded, delivered twice at once: Stripe reports the cumulative amount, so it reverses once.
            journal.Count("refund: replayed " + await scope.ServiceProvider.GetRequiredService<ReversePayment>()
                .HandleAsync(paid.Agency.StripeAccount, purchase.PaymentIntentId, amount, ReversalKind.Refund, default));
        }
    }

    private void Refused(string kind, HttpStatusCode status, string body)
    {
        if ((int)status is >= 400 and < 500 && body.Contains("\"code\"", StringComparison.Ordinal))
        {
            journal.Count($"{kind}: {JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()}");
            return;
        }
        journal.Fail($"{kind}: answered {(int)status} {body}");
    }
}
