using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Connections;
using ResellerKit.Engine.OwnershipTransfers;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// Issue 17, ownership that moves: an agency hands a sub-account to its client, who accepts from the emailed link; the
/// account's own credits move with it (nothing created or lost, the ledger verifies clean) and the agency stays
/// connected. The link works once and expires; the agency can cancel; paused accounts, other agencies' accounts and a
/// second transfer are refused.
/// </summary>
public abstract class OwnershipTransferTests(ClockedApi api)
{
    [Fact]
    public async Task OwnershipTransfer_AcceptedFromTheEmailedLink_MakesTheAccountTheClientsWithItsCreditsAndTheAgencyConnected()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await agency.GrantAsync(client.SubAccountId, 600);
        (await agency.Client.UsageAsync(client.SubAccountId, 100)).EnsureSuccessStatusCode();

        var offered = await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var (browser, answer) = await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));

        offered.GetProperty("status").GetString().ShouldBe("pending");
        offered.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(api.Clock.GetUtcNow().AddDays(7), TimeSpan.FromMinutes(1));
        answer.Headers.Location!.OriginalString.ShouldBe("/admin/agencies?notice=ownership-accepted");
        var account = await api.SubAccountAsync(client.SubAccountId);
        account.Ownership.ShouldBe(Ownership.Client);
        (await api.OwnWalletAsync(client.SubAccountId)).ShouldBe(500);
        (await api.Platform().UsageAsync(client.SubAccountId, 50)).EnsureSuccessStatusCode();
        (await api.OwnWalletAsync(client.SubAccountId)).ShouldBe(450);
        await api.LedgerIsCleanAsync();
        var (_, page) = await browser.GetAsync("/admin/agencies");
        page.ShouldContain($"Agency {agency.Slug}");
        page.ShouldContain("Change role");
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var connection = await db.Connections.AsNoTracking().SingleAsync(c => c.SubAccountId == account.Id, Ct);
        (connection.Status, connection.Role, connection.AgencyId.ToString()).ShouldBe((ConnectionStatus.Accepted, MembershipRole.Admin, agency.Id));
        (await db.AuditEvents.AsNoTracking().Where(e => e.SubAccountId == account.Id && e.Action == "ownership.transferred_to_client").CountAsync(Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task OwnershipTransfer_Email_IsBrandedByTheAgencyAndNeverNamesResellerKit()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");

        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);

        var mail = await api.WaitForMailAsync(client.Email, m => m.Subject?.Contains("hands", StringComparison.Ordinal) == true);
        mail.Subject.ShouldBe($"Agency {agency.Slug} hands Bluebird Dental over to you");
        // The words never name the vendor; the link's host (resellerkit.test in the tests) is the platform's own.
        (mail.Subject + mail.TextBody + mail.HtmlBody).ShouldNotContain("ResellerKit", Case.Sensitive);
        mail.TextBody.ShouldNotBeNull().ShouldContain("/admin/ownership/accept?token=ot_");
    }

    [Fact]
    public async Task OwnershipTransfer_OfASharedModeAccount_SwitchesToResellingAndKeepsItsOwnWalletWhileThePoolStays()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await agency.GrantAsync(client.SubAccountId, 300);
        (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{client.SubAccountId}", new { creditMode = "shared" }, Ct)).EnsureSuccessStatusCode();
        var pool = await agency.PoolBalanceAsync();

        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));

        var account = await api.SubAccountAsync(client.SubAccountId);
        (account.Ownership, account.CreditMode).ShouldBe((Ownership.Client, CreditMode.Reselling));
        (await api.OwnWalletAsync(client.SubAccountId)).ShouldBe(300);
        (await agency.PoolBalanceAsync()).ShouldBe(pool);
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task OwnershipTransfer_OfAnotherAgencysSubAccount_Answers404AndEmailsNoOne()
    {
        var owner = await api.CreateAgencyAsync();
        var client = await owner.CreateClientAsync(name: "Bluebird Dental");
        var other = await api.CreateAgencyAsync();

        var offer = await other.OfferOwnershipAsync(client.SubAccountId);
        var cancel = await other.Client.DeleteAsync($"/api/v1/sub-accounts/{client.SubAccountId}/ownership-transfer", Ct);

        await offer.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        await cancel.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await api.QueuedEmailsAsync(client.Email, ResellerKit.Engine.Notifications.EmailKind.OwnershipTransfer)).ShouldBe(0);
    }

    [Fact]
    public async Task OwnershipTransfer_WhileOneIsPending_Answers409AndTheFirstLinkStillWorks()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);

        var second = await agency.OfferOwnershipAsync(client.SubAccountId);

        (await second.ExpectProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("already waiting");
        var (_, answer) = await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));
        answer.Headers.Location!.OriginalString.ShouldBe("/admin/agencies?notice=ownership-accepted");
    }

    [Fact]
    public async Task OwnershipTransfer_OfAPausedSubAccount_Answers423()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{client.SubAccountId}", new { paused = true }, Ct)).EnsureSuccessStatusCode();

        var offer = await agency.OfferOwnershipAsync(client.SubAccountId);

        await offer.ExpectProblemAsync(HttpStatusCode.Locked, "account_paused");
        (await api.SubAccountAsync(client.SubAccountId)).Ownership.ShouldBe(Ownership.Agency);
    }

    [Fact]
    public async Task OwnershipTransfer_Cancelled_TheLinkSaysSoWith409AndANewTransferCanBeSent()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var link = await api.TransferLinkAsync(client);

        var cancel = await agency.Client.DeleteAsync($"/api/v1/sub-accounts/{client.SubAccountId}/ownership-transfer", Ct);
        var pending = await agency.Client.GetAsync($"/api/v1/sub-accounts/{client.SubAccountId}/ownership-transfer", Ct);
        var (browser, answer) = await api.AcceptAsClientAsync(client, link);
        var (status, page) = await browser.GetAsync(link);
        var again = await agency.OfferOwnershipAsync(client.SubAccountId);

        await cancel.ExpectAsync(HttpStatusCode.NoContent);
        await pending.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        answer.Headers.Location!.OriginalString.ShouldStartWith("/admin/ownership/accept?token=");
        status.ShouldBe(HttpStatusCode.Conflict);
        page.ShouldContain("The agency cancelled this transfer, so the link no longer works.");
        (await api.SubAccountAsync(client.SubAccountId)).Ownership.ShouldBe(Ownership.Agency);
        await again.ExpectAsync(HttpStatusCode.Created);
    }

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
        var again = await browser.SubmitAsync("/admin/agencies", "/admin/ownership/accept", ("token", WebUtility.UrlDecode(link.Split("token=")[1])));

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
    public async Task OwnershipOffer_FromTheClientAcceptedByItsConnectedAgency_MakesItAgencyOwnedWithItsCredits()
    {
        var agency = await api.CreateAgencyAsync();
        var (client, browser, connectionId) = await ClientOwnedAsync(agency, 400);
        var other = await api.CreateAgencyAsync();

        var offered = await browser.SubmitAsync("/admin/agencies", $"/admin/connections/{connectionId}/offer-ownership");
        var offers = await (await agency.Client.GetAsync("/api/v1/ownership-transfers", Ct)).ExpectAsync(HttpStatusCode.OK);
        var transferId = offers.GetProperty("data")[0].GetProperty("id").GetString();
        var stolen = await other.Client.PostAsync($"/api/v1/ownership-transfers/{transferId}/accept", null, Ct);
        var taken = await (await agency.Client.PostAsync($"/api/v1/ownership-transfers/{transferId}/accept", null, Ct)).ExpectAsync(HttpStatusCode.OK);
        var twice = await agency.Client.PostAsync($"/api/v1/ownership-transfers/{transferId}/accept", null, Ct);

        offered.Headers.Location!.OriginalString.ShouldBe("/admin/agencies?notice=ownership-offered");
        offers.GetProperty("data")[0].GetProperty("accountName").GetString().ShouldBe("Bluebird Dental");
        await stolen.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        (taken.GetProperty("ownership").GetString(), taken.GetProperty("creditMode").GetString()).ShouldBe(("agency", "reselling"));
        await twice.ExpectProblemAsync(HttpStatusCode.Conflict, "conflict");
        (await agency.BalanceAsync(client.SubAccountId)).GetProperty("balance").GetInt64().ShouldBe(400);
        await api.LedgerIsCleanAsync();
        (await ConnectionStatusAsync(connectionId)).ShouldBe(ConnectionStatus.Terminated);
    }

    [Fact]
    public async Task OwnershipOffer_WithdrawnByTheClient_CannotBeAcceptedAndTheAgencysLogSaysSo()
    {
        var agency = await api.CreateAgencyAsync();
        var (client, browser, connectionId) = await ClientOwnedAsync(agency, 0);
        await browser.SubmitAsync("/admin/agencies", $"/admin/connections/{connectionId}/offer-ownership");
        var offers = await (await agency.Client.GetAsync("/api/v1/ownership-transfers", Ct)).ExpectAsync(HttpStatusCode.OK);
        var transferId = offers.GetProperty("data")[0].GetProperty("id").GetString();

        var withdrawn = await browser.SubmitAsync("/admin/agencies", "/admin/ownership-offer/withdraw");
        var twice = await browser.SubmitAsync("/admin/agencies", "/admin/ownership-offer/withdraw");
        var left = await (await agency.Client.GetAsync("/api/v1/ownership-transfers", Ct)).ExpectAsync(HttpStatusCode.OK);
        var accept = await agency.Client.PostAsync($"/api/v1/ownership-transfers/{transferId}/accept", null, Ct);
        var (_, page) = await browser.GetAsync("/admin/agencies");
        var (_, log) = await (await api.SignInOwnerAsync(agency)).GetAsync("/admin/audit");

        withdrawn.Headers.Location!.OriginalString.ShouldBe("/admin/agencies?notice=offer-withdrawn");
        twice.Headers.Location!.OriginalString.ShouldBe("/admin/agencies?notice=not-found");
        left.GetProperty("data").GetArrayLength().ShouldBe(0);
        var problem = await accept.ExpectProblemAsync(HttpStatusCode.Conflict, "conflict");
        problem.GetProperty("detail").GetString().ShouldBe("The client withdrew this offer, so it can no longer be accepted.");
        page.ShouldContain("Offer ownership to");
        log.ShouldContain("withdrew the offer of Bluebird Dental to");
        (await api.SubAccountAsync(client.SubAccountId)).Ownership.ShouldBe(Ownership.Client);
    }

    [Fact]
    public async Task AgencyAuditLog_AfterTheTransfer_SaysInWordsWhoTookTheAccountAndWithHowManyCredits()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_500);
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        await agency.GrantAsync(client.SubAccountId, 1_500);
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));
        var owner = await api.SignInOwnerAsync(agency);

        var (_, log) = await owner.GetAsync("/admin/audit");

        log.ShouldContain("offered to hand Bluebird Dental over to its client");
        log.ShouldContain($"took ownership of Bluebird Dental from Agency {agency.Slug}; its 1,500 credits moved with it.");
    }

    [Fact]
    public async Task Checkout_AfterTheAgencyTakesOverAClientOwnedAccount_GetsTheAgencyOwnedDiscountOnTheFee()
    {
        var agency = await api.CreateAgencyAsync();
        await api.SetMinimumAsync("usd", "0.5", "0.4");
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var agencyId = ResellerKit.Engine.Common.AgencyId.From(Guid.Parse(agency.Id));
            (await scope.ServiceProvider.GetRequiredService<ResellerKit.Engine.Agencies.ManageAgencies>()
                .SetDiscountAsync(agencyId, 50, ResellerKit.Engine.Common.Actor.Platform, Ct)).IsSuccess.ShouldBeTrue();
        }
        var pack = await (await agency.Client.PostAsJsonAsync("/api/v1/packs", new { name = "Hundred", credits = 100, unitAmount = 1_500, currency = "usd" }, Ct))
            .ExpectAsync(HttpStatusCode.Created);
        var (client, browser, connectionId) = await ClientOwnedAsync(agency, 0);
        await browser.SubmitAsync("/admin/agencies", $"/admin/connections/{connectionId}/offer-ownership");
        var offers = await (await agency.Client.GetAsync("/api/v1/ownership-transfers", Ct)).ExpectAsync(HttpStatusCode.OK);
        await (await agency.Client.PostAsync($"/api/v1/ownership-transfers/{offers.GetProperty("data")[0].GetProperty("id").GetString()}/accept", null, Ct))
            .ExpectAsync(HttpStatusCode.OK);

        await (await agency.Client.PostAsJsonAsync($"/api/v1/sub-accounts/{client.SubAccountId}/checkout-sessions",
            new { packId = pack.GetProperty("id").GetString() }, Ct)).ExpectAsync(HttpStatusCode.Created);

        await using var read = api.Services.CreateAsyncScope();
        var id = ResellerKit.Engine.Common.SubAccountId.From(Guid.Parse(client.SubAccountId));
        (await read.ServiceProvider.GetRequiredService<EngineDbContext>().Purchases.AsNoTracking().Where(p => p.SubAccountId == id).Select(p => p.PlatformFee).SingleAsync(Ct))
            .ShouldBe(20, "100 credits at 0.4 cents of fee each, halved by the agency-owned discount");
    }

    // An agency-owned client with these credits, handed to itself: client-owned, signed in, with the agency connected.
    private async Task<(TestClient Client, Browser Browser, Guid ConnectionId)> ClientOwnedAsync(TestAgency agency, long credits)
    {
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        if (credits > 0)
        {
            await api.GrantPoolAsync(agency, credits);
            await agency.GrantAsync(client.SubAccountId, credits);
        }
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var (browser, _) = await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));
        return (client, browser, await ConnectionIdAsync(client.SubAccountId));
    }

    private async Task<Guid> ConnectionIdAsync(string subAccountId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var id = ResellerKit.Engine.Common.SubAccountId.From(Guid.Parse(subAccountId));
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Connections.Where(c => c.SubAccountId == id).Select(c => c.Id).SingleAsync(Ct);
    }

    private async Task<ConnectionStatus> ConnectionStatusAsync(Guid id)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Connections.Where(c => c.Id == id).Select(c => c.Status).SingleAsync(Ct);
    }
}

public sealed class OwnershipTransferTestsOnSqlite(ClockedSqliteApi api) : OwnershipTransferTests(api), IClassFixture<ClockedSqliteApi>;

public sealed class OwnershipTransferTestsOnPostgres(ClockedPostgresApi api) : OwnershipTransferTests(api), IClassFixture<ClockedPostgresApi>;
