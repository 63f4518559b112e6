using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Connections;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Users;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// Issue 17, the reverse direction: a client offers its own account to a connected agency, which takes it over with its
/// credits (or finds the offer withdrawn), and the account then gets the agency-owned discount on the platform fee.
/// </summary>
public abstract class OwnershipOfferTests(ClockedApi api)
{
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
    public async Task OwnershipOffer_OfAnAccountThatOwesCreditsFromARefund_IsRefusedUntilTheDebtIsRepaid()
    {
        var agency = await api.CreateAgencyAsync();
        var (client, browser, connectionId) = await ClientOwnedAsync(agency, 400);
        await browser.SubmitAsync("/admin/agencies", $"/admin/connections/{connectionId}/offer-ownership");
        var transferId = (await (await agency.Client.GetAsync("/api/v1/ownership-transfers", Ct)).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("data")[0].GetProperty("id").GetString();
        await OwesAsync(client.SubAccountId, 30); // a refund after the offer found 30 of its credits spent

        var accept = await agency.Client.PostAsync($"/api/v1/ownership-transfers/{transferId}/accept", null, Ct);

        var problem = await accept.ExpectProblemAsync(HttpStatusCode.Conflict, "conflict");
        problem.GetProperty("detail").GetString().ShouldBe("This account owes 30 credits from a refund. Its next purchase or auto-recharge repays them first; it can move after that.");
        (await api.SubAccountAsync(client.SubAccountId)).Ownership.ShouldBe(Ownership.Client, "the debt is owed to the seller, not to the agency taking over");
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

    private async Task OwesAsync(string subAccountId, long credits)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var id = ResellerKit.Engine.Common.SubAccountId.From(Guid.Parse(subAccountId));
        await scope.ServiceProvider.GetRequiredService<EngineDbContext>().SubAccounts.Where(s => s.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.DebtCredits, credits), Ct);
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

public sealed class OwnershipOfferTestsOnSqlite(ClockedSqliteApi api) : OwnershipOfferTests(api), IClassFixture<ClockedSqliteApi>;

public sealed class OwnershipOfferTestsOnPostgres(ClockedPostgresApi api) : OwnershipOfferTests(api), IClassFixture<ClockedPostgresApi>;
