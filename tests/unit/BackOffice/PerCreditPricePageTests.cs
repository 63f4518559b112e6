using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// Prices per credit are typed in the currency's units and stored in minor units: the any-amount offer on the Packs page,
/// and the platform's floor prices and fees.
/// </summary>
public sealed class PerCreditPricePageTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task CustomQuantity_PerCreditPriceTypedInDollars_IsStoredInCents()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var response = await owner.SubmitAsync("/admin/packs", "/admin/packs", ("_handler", "custom-quantity"),
            ("Offer.PricePerCredit", "0.015"), ("Offer.Currency", "usd"), ("Offer.MinCredits", "10"), ("Offer.MaxCredits", "1000"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        var reread = WebUtility.HtmlDecode((await owner.GetAsync("/admin/packs")).Html);

        html.ShouldContain("Custom quantity pricing saved.");
        System.Text.RegularExpressions.Regex.IsMatch(reread, "id=\"cq-price\"[^>]*value=\"0.015\"|value=\"0.015\"[^>]*id=\"cq-price\"").ShouldBeTrue();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResellerKit.Engine.Persistence.EngineDbContext>();
        var stored = db.Agencies.Single(a => a.Slug == agency.Slug).CustomQuantity;
        stored.Price.Minor.ShouldBe(1.5m);
    }

    [Fact]
    public async Task FloorPrices_Table_ShowsMoneyPerCreditAndTakesAmountsInTheCurrency()
    {
        var agency = await api.CreateAgencyAsync();
        var admin = await api.SignInPlatformAdminAsync(agency);

        var saved = await admin.SubmitAsync("/admin/platform/prices", "/admin/platform/prices", ("_handler", "set-floor"),
            ("Input.Currency", "chf"), ("Input.Minimum", "0.005"), ("Input.Fee", "0.004"));
        var tooHigh = await admin.SubmitAsync("/admin/platform/prices", "/admin/platform/prices", ("_handler", "set-floor"),
            ("Input.Currency", "chf"), ("Input.Minimum", "0.005"), ("Input.Fee", "0.006"));
        var floors = await (await api.Platform().GetAsync("/api/v1/platform/minimum-prices", Ct)).ExpectAsync(HttpStatusCode.OK);

        var table = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync(Ct));
        table.ShouldContain("<td>CHF</td><td class=\"num\">CHF0.005</td><td class=\"num\">CHF0.004</td>");
        WebUtility.HtmlDecode(await tooHigh.Content.ReadAsStringAsync(Ct))
            .ShouldContain("The platform fee (CHF0.006) can't be more than the minimum price per credit (CHF0.005)");
        var chf = floors.GetProperty("data").EnumerateArray().Single(f => f.GetProperty("currency").GetString() == "chf");
        chf.GetProperty("unitAmountPerCredit").GetString().ShouldBe("0.5");
        chf.GetProperty("platformFeePerCredit").GetString().ShouldBe("0.4");
    }
}
