using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>The client's account page lists purchases with their status in the theme's words, never a locale key.</summary>
public sealed class AccountPurchasesTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Account_AfterAPaidPurchase_ShowsItsStatusInWords()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync("reselling");
        await api.BuyStarterPackAsync(agency, client.SubAccountId);

        var browser = await api.SignInAsync(agency, client);
        var (_, html) = await browser.GetAsync("/account");

        html.ShouldContain("<td data-label=\"Status\">Paid</td>");
        html.ShouldNotContain("purchases.status");
    }
}
