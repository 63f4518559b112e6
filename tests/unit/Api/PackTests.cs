using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

public sealed class PackTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task CreatePack_BelowTheFloor_Answers422SayingTheFloor_AndAtTheFloorIsCreated()
    {
        await api.SetMinimumAsync("cad", "0.5");
        var agency = await api.CreateAgencyAsync();

        var below = await agency.Client.PostAsJsonAsync("/api/v1/packs", new { name = "Cheap", credits = 100, unitAmount = 49, currency = "cad" }, Ct);
        var at = await agency.Client.PostAsJsonAsync("/api/v1/packs", new { name = "Fair", credits = 100, unitAmount = 50, currency = "cad" }, Ct);

        var problem = await below.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "price_below_minimum");
        problem.GetProperty("detail").GetString()!.ShouldContain("0.5");
        problem.GetProperty("detail").GetString()!.ShouldContain("at least 50");
        var pack = await at.ExpectAsync(HttpStatusCode.Created);
        pack.GetProperty("belowMinimum").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task RaisedFloor_FlagsThePackAndRefusesItsCheckout()
    {
        await api.SetMinimumAsync("nzd", "0.5");
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 60, "nzd");
        var subAccount = await agency.CreateSubAccountAsync("reselling");

        await api.SetMinimumAsync("nzd", "1");
        var listed = await (await agency.Client.GetAsync("/api/v1/packs", Ct)).ExpectAsync(HttpStatusCode.OK);
        var checkout = await agency.CheckoutAsync(subAccount, new { packId = pack });

        var flagged = listed.GetProperty("data").EnumerateArray().Single(p => p.GetProperty("id").GetString() == pack);
        flagged.GetProperty("belowMinimum").GetBoolean().ShouldBeTrue();
        flagged.GetProperty("minimumUnitAmount").GetInt64().ShouldBe(100);
        await checkout.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "price_below_minimum");
    }

    [Fact]
    public async Task ListPacks_ShowsTheMarginWithTheAgencysNet()
    {
        await api.SetMinimumAsync("aud", "0.5", fee: "0.4");
        var agency = await api.CreateAgencyAsync();
        await agency.CreatePackAsync("Growth", 500, 6_000, "aud");

        var listed = await (await agency.Client.GetAsync("/api/v1/packs", Ct)).ExpectAsync(HttpStatusCode.OK);

        var margin = listed.GetProperty("data")[0].GetProperty("margin");
        margin.GetProperty("price").GetInt64().ShouldBe(6_000);
        margin.GetProperty("platformFee").GetInt64().ShouldBe(200);
        margin.GetProperty("agencyNet").GetInt64().ShouldBe(5_800);
    }

    [Theory]
    [InlineData("{\"name\":\"\",\"credits\":1,\"unitAmount\":1,\"currency\":\"usd\"}", "name")]
    [InlineData("{\"name\":\"X\",\"credits\":0,\"unitAmount\":1,\"currency\":\"usd\"}", "credits")]
    [InlineData("{\"name\":\"X\",\"credits\":1,\"unitAmount\":-5,\"currency\":\"usd\"}", "unitAmount")]
    [InlineData("{\"name\":\"X\",\"credits\":1,\"unitAmount\":5,\"currency\":\"USD\"}", "currency")]
    [InlineData("{\"name\":\"X\",\"credits\":1,\"unitAmount\":5,\"currency\":\"dollars\"}", "currency")]
    public async Task CreatePack_WithInvalidField_Answers400NamingIt(string body, string field)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PostAsync("/api/v1/packs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task ArchivedPack_IsNoLongerListedOrSold()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Old", 10, 500);
        var subAccount = await agency.CreateSubAccountAsync("reselling");

        (await agency.Client.DeleteAsync($"/api/v1/packs/{pack}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var listed = await (await agency.Client.GetAsync("/api/v1/packs", Ct)).ExpectAsync(HttpStatusCode.OK);
        var checkout = await agency.CheckoutAsync(subAccount, new { packId = pack });

        listed.GetProperty("data").GetArrayLength().ShouldBe(0);
        await checkout.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Pack_OfAnotherAgency_CannotBeChangedOrBought()
    {
        var owner = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        var pack = await owner.CreatePackAsync("Mine", 10, 500);

        var patch = await other.Client.PatchAsJsonAsync($"/api/v1/packs/{pack}", new { unitAmount = 1 }, Ct);
        var checkout = await other.CheckoutAsync(await other.CreateSubAccountAsync("reselling"), new { packId = pack });

        await patch.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        await checkout.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
