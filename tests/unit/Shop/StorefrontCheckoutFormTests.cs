using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

/// <summary>The storefront's "Any amount" form when the number is refused, and a reload of the URL it posted to.</summary>
public sealed class StorefrontCheckoutFormTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("7")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("100001")]
    public async Task Buy_AnyAmountOutOfRange_ShowsTheAgencysWordsNextToTheFieldAndKeepsTheNumber(string typed)
    {
        var (_, browser) = await SignedInClientAsync();

        var response = await browser.SubmitAsync("/", "/checkout", ("credits", typed));
        var html = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldNotContain("One or more fields are invalid");
        html.ShouldNotContain("credits: Choose");
        html.ShouldContain("<p class=\"field-error\" id=\"custom-credits-error\">Choose between 50 and 100,000 credits.</p>");
        html.ShouldContain($"value=\"{typed}\" aria-describedby=\"custom-hint custom-credits-error\" aria-invalid=\"true\"");
        html.ShouldNotContain("notice-error");
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("abc")]
    [InlineData("1e3")]
    public async Task Buy_AnyAmountThatIsNoWholeNumber_SaysSoNextToTheFieldAndKeepsWhatWasTyped(string typed)
    {
        var (_, browser) = await SignedInClientAsync();

        var response = await browser.SubmitAsync("/", "/checkout", ("credits", typed));
        var html = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("<p class=\"field-error\" id=\"custom-credits-error\">Enter a whole number of credits between 50 and 100,000.</p>");
        html.ShouldContain($"value=\"{typed}\" aria-describedby=\"custom-hint custom-credits-error\" aria-invalid=\"true\"");
        html.ShouldNotContain("Choose a pack, or enter how many credits you want.");
        html.ShouldNotContain("notice-error");
    }

    [Fact]
    public async Task Checkout_Reloaded_GoesToTheStorefrontsHomeInsteadOf404()
    {
        var (agency, browser) = await SignedInClientAsync();

        var signedIn = await browser.Client.GetAsync("/checkout", Ct);
        var anonymous = await Browser.Storefront(api, agency.Slug).Client.GetAsync("/checkout", Ct);

        foreach (var response in new[] { signedIn, anonymous })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldBe("/");
        }
    }

    private async Task<(TestAgency Agency, Browser Browser)> SignedInClientAsync()
    {
        var agency = await api.CreateAgencyAsync();
        var price = await agency.Client.PutAsJsonAsync("/api/v1/agency/custom-quantity",
            new { pricePerCredit = "0.12", currency = "usd", minCredits = 50, maxCredits = 100_000 }, Ct);
        await price.ExpectAsync(HttpStatusCode.OK);
        var client = await agency.CreateClientAsync("reselling");
        return (agency, await api.SignInAsync(agency, client));
    }
}
