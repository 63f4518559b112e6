using System.Net;
using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

public sealed class StorefrontTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Index_ShowsTheAgencysBrandPacksAndPrices()
    {
        var agency = await api.CreateAgencyAsync();
        await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { displayName = "Northwind Growth" }, Ct);
        await agency.CreatePackAsync("Starter", 100, 1_500);

        var (status, html) = await Browser.Storefront(api, agency.Slug).GetAsync("/");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Northwind Growth");
        html.ShouldContain("Starter");
        html.ShouldContain("$15.00");
        html.ShouldContain("aria-label=\"Buy Starter\"");
    }

    [Fact]
    public async Task UnknownSlug_Answers404WithoutNamingAnyAgency()
    {
        var agency = await api.CreateAgencyAsync();

        var (status, html) = await Browser.Storefront(api, "no-such-shop").GetAsync("/");

        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldNotContain(agency.Slug);
    }

    [Fact]
    public async Task SignIn_WithThePasswordFromCreation_OpensTheAccountWithItsBalance()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync("reselling");
        await agency.GrantAsync(client.SubAccountId, 250);

        var browser = await api.SignInAsync(agency, client);
        var (status, html) = await browser.GetAsync("/account");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("250 credits");
    }

    [Fact]
    public async Task Account_InSharedMode_ShowsUsageButNeverThePool()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 987_654);
        var client = await agency.CreateClientAsync("shared");
        await agency.Client.UsageAsync(client.SubAccountId, 42);

        var browser = await api.SignInAsync(agency, client);
        var (_, html) = await browser.GetAsync("/account");

        html.ShouldContain("42 credits");
        // The pool's balance, as any locale would write it (a bare "987" can occur in an asset's fingerprint).
        html.ShouldNotContain("987,654");
        html.ShouldNotContain("987.654");
        html.ShouldNotContain("987654");
    }

    [Fact]
    public async Task Account_History_NamesEachTransactionByItsType()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync("reselling");
        await agency.GrantAsync(client.SubAccountId, 250);
        await agency.Client.UsageAsync(client.SubAccountId, 42);

        var browser = await api.SignInAsync(agency, client);
        var (_, html) = await browser.GetAsync("/account");

        html.ShouldContain("<td data-label=\"Type\">Usage</td>");
        html.ShouldContain("<td data-label=\"Type\">Grant</td>");
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsOneMessageForEveryMistake()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        var browser = Browser.Storefront(api, agency.Slug);

        var wrongPassword = await browser.SubmitAsync("/sign-in", "/sign-in", ("email", client.Email), ("password", "nope-nope-nope"));
        var unknownEmail = await browser.SubmitAsync("/sign-in", "/sign-in", ("email", "ghost@example.com"), ("password", "nope-nope-nope"));

        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var wrongText = await wrongPassword.Content.ReadAsStringAsync(Ct);
        wrongText.ShouldContain("do not match");
        (await unknownEmail.Content.ReadAsStringAsync(Ct)).ShouldContain("do not match");
    }

    [Fact]
    public async Task ClientOfAnotherAgency_CannotSignInHere()
    {
        var home = await api.CreateAgencyAsync();
        var elsewhere = await api.CreateAgencyAsync();
        var client = await home.CreateClientAsync();

        var response = await Browser.Storefront(api, elsewhere.Slug).SubmitAsync("/sign-in", "/sign-in",
            ("email", client.Email), ("password", client.Password));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MagicLink_FromTheEmail_SignsInOnce()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync();
        var link = await api.EmailedSignInLinkAsync(agency, client);

        var first = await Browser.Storefront(api, agency.Slug).PressAsync(link);
        var again = await Browser.Storefront(api, agency.Slug).Client.GetAsync(link, Ct);

        first.Headers.Location!.ToString().ShouldBe("/account");
        again.Headers.Location!.ToString().ShouldBe("/sign-in?error=link");
    }

    [Fact]
    public async Task Buy_OnTheStorefront_OpensTheAgencysCheckoutAndTheReturnPageShowsTheCredits()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var client = await agency.CreateClientAsync("reselling");
        var browser = await api.SignInAsync(agency, client);

        var buy = await browser.SubmitAsync("/", "/checkout", ("packId", pack));
        var paid = await api.PayAsync(buy.Headers.Location!.ToString());
        await agency.WaitForBalanceAsync(client.SubAccountId, 100);
        var (_, returnPage) = await browser.GetAsync(paid.Headers.Location!.PathAndQuery);

        buy.Headers.Location!.ToString().ShouldContain("/stripe-sandbox/checkout/cs_test_");
        returnPage.ShouldContain("100");
        returnPage.ShouldContain("credits");
    }

    [Fact]
    public async Task Buy_WhileSignedOut_GoesToSignIn()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);

        var response = await Browser.Storefront(api, agency.Slug).SubmitAsync("/", "/checkout", ("packId", pack));

        response.Headers.Location!.ToString().ShouldBe("/sign-in");
    }

    [Fact]
    public async Task CheckoutReturn_OpenedByAnotherVisitor_ShowsNeitherCreditsNorBalance()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var buyer = await agency.CreateClientAsync("reselling");
        var other = await agency.CreateClientAsync("reselling");
        var browser = await api.SignInAsync(agency, buyer);
        var buy = await browser.SubmitAsync("/", "/checkout", ("packId", pack));
        var returnUrl = (await api.PayAsync(buy.Headers.Location!.ToString())).Headers.Location!.PathAndQuery;
        await agency.WaitForBalanceAsync(buyer.SubAccountId, 100);

        var (_, asBuyer) = await browser.GetAsync(returnUrl);
        var (anonymousStatus, asAnonymous) = await Browser.Storefront(api, agency.Slug).GetAsync(returnUrl);
        var (_, asOtherClient) = await (await api.SignInAsync(agency, other)).GetAsync(returnUrl);

        asBuyer.ShouldContain("100 credits added, new balance 100.");
        anonymousStatus.ShouldBe(HttpStatusCode.OK);
        foreach (var page in new[] { asAnonymous, asOtherClient })
        {
            page.ShouldContain("The payment is complete. Sign in to see your credits.");
            page.ShouldNotContain("credits added");
            page.ShouldNotContain("new balance");
        }
    }
}
