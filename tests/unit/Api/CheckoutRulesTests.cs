using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

public sealed class CheckoutRulesTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Checkout_ForASharedModeSubAccount_Answers409()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);

        var response = await agency.CheckoutAsync(await agency.CreateSubAccountAsync("shared"), new { packId = pack });

        (await response.ExpectProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("detail").GetString()!.ShouldContain("shared pool");
    }

    [Fact]
    public async Task Checkout_ForAPausedSubAccount_Answers423()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}", new { paused = true }, Ct)).EnsureSuccessStatusCode();

        await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectProblemAsync(HttpStatusCode.Locked, "account_paused");
    }

    [Theory]
    [InlineData(true, true, "packId")]
    [InlineData(false, false, "packId")]
    public async Task Checkout_WithBothOrNeitherOfPackAndCredits_Answers400(bool withPack, bool withCredits, string field)
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        object body = (withPack, withCredits) switch
        {
            (true, true) => new { packId = pack, credits = 10 },
            _ => new { },
        };

        var response = await agency.CheckoutAsync(await agency.CreateSubAccountAsync("reselling"), body);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(n => n == field || n == "credits");
    }

    [Fact]
    public async Task Checkout_OfACustomQuantity_IsPricedOnTheServerAndBoundedByTheOffer()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PutAsJsonAsync("/api/v1/agency/custom-quantity",
            new { pricePerCredit = "1.5", currency = "usd", minCredits = 10, maxCredits = 1000 }, Ct)).EnsureSuccessStatusCode();
        var subAccount = await agency.CreateSubAccountAsync("reselling");

        var ok = await (await agency.CheckoutAsync(subAccount, new { credits = 333 })).ExpectAsync(HttpStatusCode.Created);
        var tooFew = await agency.CheckoutAsync(subAccount, new { credits = 9 });
        var tooMany = await agency.CheckoutAsync(subAccount, new { credits = 1001 });

        ok.GetProperty("unitAmount").GetInt64().ShouldBe(500); // 333 × 1.5 = 499.5, rounded up
        ok.GetProperty("credits").GetInt64().ShouldBe(333);
        await tooFew.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await tooMany.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Checkout_OfACustomQuantityPastOneCardPayment_Answers400AndStartsNothing()
    {
        var agency = await api.CreateAgencyAsync();
        (await agency.Client.PutAsJsonAsync("/api/v1/agency/custom-quantity",
            new { pricePerCredit = "1000", currency = "usd", minCredits = 1, maxCredits = 1_000_000_000_000 }, Ct)).EnsureSuccessStatusCode();
        var subAccount = await agency.CreateSubAccountAsync("reselling");

        var largest = await (await agency.CheckoutAsync(subAccount, new { credits = 99_999 })).ExpectAsync(HttpStatusCode.Created);
        var tooLarge = await agency.CheckoutAsync(subAccount, new { credits = 100_000 });

        largest.GetProperty("unitAmount").GetInt64().ShouldBe(99_999_000); // 1,000 cents a credit: just under Stripe's 99,999,999
        var problem = await tooLarge.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("detail").GetString()!.ShouldContain("more than one card payment can take");
        (await (await agency.Client.GetAsync($"/api/v1/purchases?subAccountId={subAccount}", Ct)).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("data").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task CustomQuantityOffer_BelowTheFloor_Answers422()
    {
        await api.SetMinimumAsync("sek", "2");
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PutAsJsonAsync("/api/v1/agency/custom-quantity", new { pricePerCredit = "1.5", currency = "sek" }, Ct);

        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "price_below_minimum");
    }

    [Fact]
    public async Task Checkout_WithARelativeSuccessUrl_Answers400()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);

        var response = await agency.CheckoutAsync(await agency.CreateSubAccountAsync("reselling"), new { packId = pack, successUrl = "/thanks" });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("successUrl", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task SandboxPay_SuccessUrlWithNonAsciiCharacters_RedirectsToItsEscapedForm()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var session = await (await agency.CheckoutAsync(await agency.CreateSubAccountAsync("reselling"),
            new { packId = pack, successUrl = "https://shop.example.com/danké?session={CHECKOUT_SESSION_ID}" })).ExpectAsync(HttpStatusCode.Created);

        var paid = await api.PayAsync(session.GetProperty("url").GetString()!);

        paid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        paid.Headers.NonValidated["Location"].ToString().ShouldBe($"https://shop.example.com/dank%C3%A9?session={session.GetProperty("id").GetString()}");
    }

    [Fact]
    public async Task Checkout_RetriedWithTheSameKey_ReturnsTheSameSession_AndAnotherBodyAnswers409()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var other = await agency.CreatePackAsync("Bigger", 200, 2_500);
        var subAccount = await agency.CreateSubAccountAsync("reselling");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => agency.CheckoutAsync(subAccount, new { packId = pack }, "buy-once")));
        var ids = new List<string>();
        foreach (var attempt in attempts)
        {
            ids.Add((await attempt.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);
        }
        var reused = await agency.CheckoutAsync(subAccount, new { packId = other }, "buy-once");

        ids.Distinct().Count().ShouldBe(1);
        await reused.ExpectProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        var purchases = await (await agency.Client.GetAsync($"/api/v1/purchases?subAccountId={subAccount}", Ct)).ExpectAsync(HttpStatusCode.OK);
        purchases.GetProperty("data").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Checkout_RetriedAfterTheSubAccountSwitchedToShared_ReplaysTheSessionItOpened()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        var first = await (await agency.CheckoutAsync(subAccount, new { packId = pack }, "buy-then-switch")).ExpectAsync(HttpStatusCode.Created);
        (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{subAccount}", new { creditMode = "shared" }, Ct)).EnsureSuccessStatusCode();

        var retry = await (await agency.CheckoutAsync(subAccount, new { packId = pack }, "buy-then-switch")).ExpectAsync(HttpStatusCode.Created);
        var fresh = await agency.CheckoutAsync(subAccount, new { packId = pack }, "buy-after-switch");

        retry.GetProperty("id").GetString().ShouldBe(first.GetProperty("id").GetString());
        await fresh.ExpectProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Checkout_ForAnotherAgencysSubAccount_Answers404()
    {
        var owner = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        var pack = await other.CreatePackAsync("Starter", 100, 1_500);

        var response = await other.CheckoutAsync(await owner.CreateSubAccountAsync("reselling"), new { packId = pack });

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
