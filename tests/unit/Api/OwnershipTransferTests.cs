using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
/// connected. The agency can cancel; paused accounts, other agencies' accounts and a second transfer are refused. The
/// link's refusals are in <see cref="OwnershipTransferAcceptTests"/>, the client's offer to its agency in
/// <see cref="OwnershipOfferTests"/>.
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
}

public sealed class OwnershipTransferTestsOnSqlite(ClockedSqliteApi api) : OwnershipTransferTests(api), IClassFixture<ClockedSqliteApi>;

public sealed class OwnershipTransferTestsOnPostgres(ClockedPostgresApi api) : OwnershipTransferTests(api), IClassFixture<ClockedPostgresApi>;
