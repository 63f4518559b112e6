using System.Net;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

public sealed class PurchaseListTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task ListPurchases_ForAnotherAgencysSubAccount_Answers404LikeEveryOtherRoute()
    {
        var owner = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        var theirs = await owner.CreateSubAccountAsync("reselling");
        await api.BuyStarterPackAsync(owner, theirs);

        var purchases = await other.Client.GetAsync($"/api/v1/purchases?subAccountId={theirs}", Ct);
        var balance = await other.Client.GetAsync($"/api/v1/sub-accounts/{theirs}/balance", Ct);

        await purchases.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        await balance.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task ListPurchases_ForANonexistentSubAccount_Answers404_AndForOwnAnswersItsPurchases()
    {
        var agency = await api.CreateAgencyAsync();
        var mine = await agency.CreateSubAccountAsync("reselling");
        await api.BuyStarterPackAsync(agency, mine);

        var missing = await agency.Client.GetAsync($"/api/v1/purchases?subAccountId={Guid.NewGuid()}", Ct);
        var own = await (await agency.Client.GetAsync($"/api/v1/purchases?subAccountId={mine}", Ct)).ExpectAsync(HttpStatusCode.OK);

        await missing.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        own.GetProperty("data").GetArrayLength().ShouldBe(1);
    }
}
