using System.Net;
using ResellerKit.Engine.OwnershipTransfers;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// Issue 17, the emailed link of an ownership transfer: it works once, expires, must match a transfer, and only the
/// owner of the account it was sent to can accept; each refusal is in words and moves nothing.
/// </summary>
public abstract class OwnershipTransferAcceptTests(ClockedApi api)
{
    [Fact]
    public async Task AcceptOwnership_WithAUsedLink_Answers409InWordsAndMovesNothingAgain()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await agency.GrantAsync(client.SubAccountId, 100);
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var link = await api.TransferLinkAsync(client);
        var (browser, _) = await api.AcceptAsClientAsync(client, link);

        var (status, page) = await browser.GetAsync(link);
        var again = await browser.SubmitAsync("/admin/agencies", "/admin/ownership/accept",
            ("token", OwnershipDriver.TokenOf(link)), ("password", client.OwnPassword()), ("confirm", client.OwnPassword()));

        status.ShouldBe(HttpStatusCode.Conflict);
        page.ShouldContain("This transfer was already accepted; the link works once.");
        again.Headers.Location!.OriginalString.ShouldStartWith("/admin/ownership/accept?token=");
        (await api.OwnWalletAsync(client.SubAccountId)).ShouldBe(100);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task AcceptOwnership_WithAnExpiredLink_Answers410InWordsAndTheAgencyKeepsTheAccount()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var link = await api.TransferLinkAsync(client);
        api.Clock.Advance(OwnershipTransfer.Lifetime + TimeSpan.FromMinutes(1));

        var (browser, answer) = await api.AcceptAsClientAsync(client, link);
        var (status, page) = await browser.GetAsync(link);
        var pending = await agency.Client.GetAsync($"/api/v1/sub-accounts/{client.SubAccountId}/ownership-transfer", Ct);

        answer.Headers.Location!.OriginalString.ShouldStartWith("/admin/ownership/accept?token=");
        status.ShouldBe(HttpStatusCode.Gone);
        page.ShouldContain("This transfer has expired");
        await pending.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await api.SubAccountAsync(client.SubAccountId)).Ownership.ShouldBe(Ownership.Agency);
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AcceptOwnership_WithALinkThatMatchesNothing_Answers400InWords()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        var browser = await api.SignInBackOfficeAsync(client.Email, client.Password);

        var (status, page) = await browser.GetAsync("/admin/ownership/accept?token=ot_nothing");

        status.ShouldBe(HttpStatusCode.BadRequest);
        page.ShouldContain("This link does not match a transfer.");
    }

    [Fact]
    public async Task AcceptOwnership_ByAnotherAccountsUser_IsRefusedAndTheAccountStaysTheAgencys()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        var stranger = await agency.CreateClientAsync(name: "Bluebird Dental");
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var link = await api.TransferLinkAsync(client);

        var (browser, answer) = await api.AcceptAsClientAsync(stranger, link);
        var (status, page) = await browser.GetAsync(link);

        answer.Headers.Location!.OriginalString.ShouldStartWith("/admin/ownership/accept?token=");
        status.ShouldBe(HttpStatusCode.Forbidden);
        page.ShouldContain("Sign in as the owner of the account this transfer was sent to");
        (await api.SubAccountAsync(client.SubAccountId)).Ownership.ShouldBe(Ownership.Agency);
    }

    [Fact]
    public async Task AcceptOwnership_WithAPasswordOfItsOwn_EndsTheAgencysSessionsAndTheFirstPasswordStopsWorking()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        // The agency created the account, so it knows the first password, and has signed in with it.
        var agencyAsClient = await api.SignInBackOfficeAsync(client.Email, client.Password);
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);

        var (browser, answer) = await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));
        var (agencyStatus, _) = await agencyAsClient.GetAsync("/admin/agencies");
        var (clientStatus, _) = await browser.GetAsync("/admin/agencies");
        var withTheFirstPassword = await api.BrowserOfItsOwnAddress().SubmitAsync("/admin/login", "/admin/login",
            ("_handler", "login"), ("Input.Email", client.Email), ("Input.Password", client.Password));

        answer.Headers.Location!.OriginalString.ShouldBe("/admin/agencies?notice=ownership-accepted");
        (await api.SubAccountAsync(client.SubAccountId)).Ownership.ShouldBe(Ownership.Client);
        agencyStatus.ShouldBe(HttpStatusCode.Redirect, "the session opened with the agency's password has ended");
        clientStatus.ShouldBe(HttpStatusCode.OK, "the client who accepted stays signed in");
        withTheFirstPassword.StatusCode.ShouldBe(HttpStatusCode.OK, "the first password opens nothing any more");
        (await withTheFirstPassword.Content.ReadAsStringAsync(Ct)).ShouldContain("That email and password do not match an account.");
        await api.SignInBackOfficeAsync(client.Email, client.OwnPassword());
    }

    [Fact]
    public async Task AcceptOwnership_WithThePasswordTheAccountWasSetUpWith_SaysWhyAndMovesNothing()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);

        var (browser, answer) = await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client), password: client.Password);
        var (_, page) = await browser.GetAsync(answer.Headers.Location!.OriginalString);

        WebUtility.HtmlDecode(page).ShouldContain("It must not be the password the account was set up with.");
        (await api.SubAccountAsync(client.SubAccountId)).Ownership.ShouldBe(Ownership.Agency);
    }

    [Fact]
    public async Task AcceptOwnership_WithAWeakPassword_SaysWhyAndMovesNothing()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var link = await api.TransferLinkAsync(client);

        var (browser, answer) = await api.AcceptAsClientAsync(client, link, password: "short");
        var (status, page) = await browser.GetAsync(answer.Headers.Location!.OriginalString);

        status.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(page).ShouldContain(ResellerKit.Engine.Users.ChangePassword.RulesBroken);
        (await api.SubAccountAsync(client.SubAccountId)).Ownership.ShouldBe(Ownership.Agency);
        await api.SignInBackOfficeAsync(client.Email, client.Password);
    }
}

public sealed class OwnershipTransferAcceptTestsOnSqlite(ClockedSqliteApi api) : OwnershipTransferAcceptTests(api), IClassFixture<ClockedSqliteApi>;

public sealed class OwnershipTransferAcceptTestsOnPostgres(ClockedPostgresApi api) : OwnershipTransferAcceptTests(api), IClassFixture<ClockedPostgresApi>;
