using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>
/// Issue 15: a checkout nobody paid stayed "Pending" for ever. Like Stripe after 24 h, the sandbox expires the session
/// by itself and sends <c>checkout.session.expired</c>, and the purchase leaves Pending.
/// </summary>
public sealed class SandboxExpiryTests(SandboxClockApi api) : IClassFixture<SandboxClockApi>
{
    [Fact]
    public async Task UnpaidCheckout_After24Hours_ExpiresBySelf_AndThePurchaseReadsExpired()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var stale = await agency.CreateSubAccountAsync("reselling");
        var fresh = await agency.CreateSubAccountAsync("reselling");
        var staleSession = await (await agency.CheckoutAsync(stale, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        (await agency.PurchaseAsync(stale)).GetProperty("state").GetString().ShouldBe("pending");

        api.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await (await agency.CheckoutAsync(fresh, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        var purchase = await Eventually.ReturnsAsync(() => agency.PurchaseAsync(stale), p => p.GetProperty("state").GetString() == "expired", TimeSpan.FromSeconds(10));
        var session = await (await api.SandboxClient(await agency.StripeAccountAsync())
            .GetAsync($"/stripe-sandbox/v1/checkout/sessions/{staleSession.GetProperty("id").GetString()}", Ct)).ExpectAsync(HttpStatusCode.OK);
        var paidAfterwards = await api.PayAsync(staleSession.GetProperty("url").GetString()!).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);

        purchase.GetProperty("state").GetString().ShouldBe("expired");
        session.GetProperty("status").GetString().ShouldBe("expired");
        paidAfterwards.ShouldBeFalse("an expired session has no Pay button");
        (await agency.PurchaseAsync(fresh)).GetProperty("state").GetString().ShouldBe("pending", "a session opened a minute ago is still open");
        (await agency.BalanceAsync(stale)).GetProperty("balance").GetInt64().ShouldBe(0);
    }
}

/// <summary>An install whose clock a test moves forward, with the sandbox's expiry sweep running every 200 ms.</summary>
public sealed class SandboxClockApi() : ApiFixture(ResellerKit.Engine.Persistence.DatabaseProvider.Sqlite)
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Stripe:SandboxExpirySweep"] = "00:00:00.200",
    };
}
