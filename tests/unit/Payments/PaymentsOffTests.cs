using System.Net;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>An install started in Production without Stripe keys: no sandbox anyone could use, and payments plainly off.</summary>
public sealed class PaymentsOffTests(ProductionApi api) : IClassFixture<ProductionApi>
{
    [Fact]
    public async Task Checkout_InProductionWithoutAStripeKey_Answers503SayingPaymentsAreOff()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var subAccount = await agency.CreateSubAccountAsync("reselling");

        var checkout = await agency.CheckoutAsync(subAccount, new { packId = pack });

        var problem = await checkout.ExpectProblemAsync(HttpStatusCode.ServiceUnavailable, "payments_unavailable");
        problem.GetProperty("detail").GetString()!.ShouldContain("Payments are switched off");
    }

    [Fact]
    public async Task Sandbox_InProductionUnlessConfigured_DoesNotExist()
    {
        var sandbox = await api.WithKey("sk_test_sandbox").GetAsync("/stripe-sandbox/v1/events", Ct);
        var status = await (await (await api.CreateAgencyAsync()).Client.GetAsync("/api/v1/agency/stripe", Ct)).ExpectAsync(HttpStatusCode.OK);

        sandbox.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        status.GetProperty("mode").GetString().ShouldBe("off");
        status.GetProperty("paymentsEnabled").GetBoolean().ShouldBeFalse();
    }
}
