using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Pricing;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// Money inputs are a closed list: a currency is sold only where the platform set its minimum price and fee, only
/// currencies Stripe charges in exist, and amounts follow each currency's minor units as Stripe counts them.
/// </summary>
public sealed class CurrencyTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("gbp")]
    [InlineData("jpy")]
    [InlineData("chf")]
    public async Task CreatePack_InACurrencyThePlatformSetNoFloorFor_Answers422CurrencyNotOffered(string currency)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PostAsJsonAsync("/api/v1/packs",
            new { name = "cheap", credits = 1_000_000, unitAmount = 50, currency }, Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "currency_not_offered");
        problem.GetProperty("detail").GetString()!.ShouldContain(currency.ToUpperInvariant());
        problem.GetProperty("detail").GetString()!.ShouldContain("USD");
        (await agency.Client.GetFromJsonAsync<PackList>("/api/v1/packs", Ct))!.Data.ShouldBeEmpty();
    }

    [Fact]
    public async Task CreatePack_InACodeStripeDoesNotCharge_Answers400NamingTheCurrency()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PostAsJsonAsync("/api/v1/packs", new { name = "odd", credits = 10, unitAmount = 500, currency = "xxx" }, Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("currency", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task SetCustomQuantity_InACurrencyThePlatformSetNoFloorFor_Answers422CurrencyNotOffered()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PutAsJsonAsync("/api/v1/agency/custom-quantity",
            new { pricePerCredit = "0.0001", currency = "gbp", minCredits = 1, maxCredits = 1_000_000 }, Ct);

        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "currency_not_offered");
    }

    [Fact]
    public async Task Checkout_OfAPackInACurrencyThePlatformDoesNotSell_Answers422AndTheListFlagsIt()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        var pack = await InsertPackAsync(agency, "sek-legacy", 1_000_000, 50, "sek"); // saved before the rule existed

        var checkout = await agency.CheckoutAsync(subAccount, new { packId = pack });
        var listed = await (await agency.Client.GetAsync("/api/v1/packs", Ct)).ExpectAsync(HttpStatusCode.OK);

        await checkout.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "currency_not_offered");
        listed.GetProperty("data")[0].GetProperty("currencyOffered").GetBoolean().ShouldBeFalse();
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task CreatePack_InIskWithFractionsOfAKrona_Answers400_AndWholeKronurAreSold()
    {
        await api.SetMinimumAsync("isk", "1");
        var agency = await api.CreateAgencyAsync();

        var fractional = await agency.Client.PostAsJsonAsync("/api/v1/packs", new { name = "Half", credits = 100, unitAmount = 15_050, currency = "isk" }, Ct);
        var whole = await agency.Client.PostAsJsonAsync("/api/v1/packs", new { name = "Whole", credits = 100, unitAmount = 15_000, currency = "isk" }, Ct);

        var problem = await fractional.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("unitAmount")[0].GetString()!.ShouldContain("multiple of 100");
        await whole.ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task SetMinimumPrice_WithAFeeAboveTheMinimum_Answers400AndKeepsTheFloorAsItWas()
    {
        await api.SetMinimumAsync("nok", "1", "0.5");

        var refused = await api.Platform().PutAsJsonAsync("/api/v1/platform/minimum-prices/nok",
            new { unitAmountPerCredit = "1", platformFeePerCredit = "1.5" }, Ct);
        var equal = await api.Platform().PutAsJsonAsync("/api/v1/platform/minimum-prices/nok",
            new { unitAmountPerCredit = "1", platformFeePerCredit = "1" }, Ct);

        var problem = await refused.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("platformFeePerCredit")[0].GetString()!.ShouldContain("lose money");
        await equal.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Checkout_CustomQuantityInKwd_ChargesWhatStripeAcceptsAndNeverLess()
    {
        await api.SetMinimumAsync("kwd", "1", "0.6");
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        (await agency.Client.PutAsJsonAsync("/api/v1/agency/custom-quantity",
            new { pricePerCredit = "1.5", currency = "kwd", minCredits = 1, maxCredits = 1_000 }, Ct)).EnsureSuccessStatusCode();

        var session = await (await agency.CheckoutAsync(subAccount, new { credits = 3 })).ExpectAsync(HttpStatusCode.Created);

        // 3 × 1.5 fils = 4.5 fils; Stripe charges kwd in steps of 10 fils, so the client pays 10, never 0 or 4.5.
        session.GetProperty("unitAmount").GetInt64().ShouldBe(10);
        session.GetProperty("currency").GetString().ShouldBe("kwd");
    }

    private async Task<string> InsertPackAsync(TestAgency agency, string name, long credits, long unitAmount, string currency)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var pack = CreditPack.Create(AgencyId.From(Guid.Parse(agency.Id)), new PackDetails(name, credits, unitAmount, currency, null, 0), DateTimeOffset.UtcNow);
        db.CreditPacks.Add(pack);
        await db.SaveChangesAsync(Ct);
        return pack.Id.ToString();
    }

    private sealed record PackList(IReadOnlyList<object> Data);
}
