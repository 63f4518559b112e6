using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Campaigns;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// Issue 17, ownership that moves: an account's campaigns and their versions move with it. The agency it leaves no
/// longer reads, versions, pushes to or deletes them; the new owner holds them as plain campaigns of its own, since a
/// link to a template that stayed behind ends at the move.
/// </summary>
public abstract class OwnershipTransferCampaignTests(ClockedApi api)
{
    [Fact]
    public async Task CampaignApi_OldAgencyAfterOwnershipTransferredAndRevoked_Returns404AndPushSkipsCopy()
    {
        var (agency, client, template, copy, browser) = await HandedOverWithALinkedCopyAsync();
        var revoked = await browser.SubmitAsync("/admin/agencies", $"/admin/connections/{await ConnectionIdAsync(client.SubAccountId)}/revoke");
        await agency.PatchCampaignAsync(template, new { instructions = "Be brief and kind." });

        var read = await agency.Client.GetAsync($"/api/v1/campaigns/{copy}", Ct);
        var versions = await agency.Client.GetAsync($"/api/v1/campaigns/{copy}/versions", Ct);
        var pushed = await (await agency.Client.PostAsJsonAsync($"/api/v1/campaigns/{template}/push", new { force = true }, Ct)).ExpectAsync(HttpStatusCode.OK);
        var deleted = await agency.Client.DeleteAsync($"/api/v1/campaigns/{copy}", Ct);

        revoked.Headers.Location!.OriginalString.ShouldBe("/admin/agencies?notice=revoked");
        await read.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        await versions.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        pushed.GetProperty("updated").GetArrayLength().ShouldBe(0);
        pushed.GetProperty("skipped").GetArrayLength().ShouldBe(0);
        await deleted.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        var held = await AsNewOwnerAsync(client.SubAccountId, copy);
        held.ShouldNotBeNull("the client's campaign is still there, held by its new owner");
        (held.Instructions, held.TemplateId, held.EditedLocally).ShouldBe(("Be brief.", (CampaignId?)null, false));
    }

    [Fact]
    public async Task CampaignVersions_AfterOwnershipTransferred_AreTheClientsAndNoLongerTheAgencys()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        var own = (await agency.CreateCampaignAsync(new { name = "Welcome", subAccountId = client.SubAccountId, instructions = "One." })).GetProperty("id").GetString()!;
        await agency.PatchCampaignAsync(own, new { instructions = "Two." });
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));

        var listed = await agency.Client.GetAsync($"/api/v1/campaigns?subAccountId={client.SubAccountId}", Ct);
        var houseId = await HouseIdAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var versions = await scope.ServiceProvider.GetRequiredService<CampaignVersions>().ListAsync(Tenant.Of(houseId), CampaignId.From(Guid.Parse(own)), Ct);
        var agencyVersions = await scope.ServiceProvider.GetRequiredService<CampaignVersions>()
            .ListAsync(Tenant.Of(AgencyId.From(Guid.Parse(agency.Id))), CampaignId.From(Guid.Parse(own)), Ct);
        var stored = await scope.ServiceProvider.GetRequiredService<EngineDbContext>().CampaignVersions.AsNoTracking()
            .Where(v => v.CampaignId == CampaignId.From(Guid.Parse(own))).Select(v => v.AgencyId).Distinct().ToListAsync(Ct);

        await listed.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        versions.Value.Select(v => v.Version).ShouldBe([2, 1]);
        agencyVersions.IsSuccess.ShouldBeFalse();
        stored.ShouldBe([houseId]);
    }

    [Fact]
    public async Task CampaignApi_AfterTheAgencyTakesOverAClientOwnedAccount_ListsAndReadsItsCampaigns()
    {
        var (agency, client, _, copy, browser) = await HandedOverWithALinkedCopyAsync();
        await browser.SubmitAsync("/admin/agencies", $"/admin/connections/{await ConnectionIdAsync(client.SubAccountId)}/offer-ownership");
        var offers = await (await agency.Client.GetAsync("/api/v1/ownership-transfers", Ct)).ExpectAsync(HttpStatusCode.OK);
        await (await agency.Client.PostAsync($"/api/v1/ownership-transfers/{offers.GetProperty("data")[0].GetProperty("id").GetString()}/accept", null, Ct))
            .ExpectAsync(HttpStatusCode.OK);

        var listed = await agency.ListCampaignsAsync(client.SubAccountId);
        var read = await agency.GetCampaignAsync(copy);
        var versions = await agency.Client.GetAsync($"/api/v1/campaigns/{copy}/versions", Ct);

        listed.Select(c => c.GetProperty("id").GetString()).ShouldBe([copy]);
        read.GetProperty("instructions").GetString().ShouldBe("Be brief.");
        await versions.ExpectAsync(HttpStatusCode.OK);
        (await AsNewOwnerAsync(client.SubAccountId, copy)).ShouldBeNull("the platform's house agency no longer holds it");
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task Push_OfATemplateTheClientTookWithItsAccount_NoLongerReachesTheCopiesLeftAtTheAgency()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        var stays = await agency.CreateClientAsync(name: "Harbour Vets");
        var template = (await agency.CreateCampaignAsync(new { name = "Welcome", subAccountId = client.SubAccountId, instructions = "One." })).GetProperty("id").GetString()!;
        var copy = await agency.LinkedCopyAsync(template, stays.SubAccountId);
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);

        await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));

        var left = await agency.GetCampaignAsync(copy);
        left.GetProperty("instructions").GetString().ShouldBe("One.");
        left.GetProperty("templateId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        left.GetProperty("editedLocally").GetBoolean().ShouldBeFalse();
    }

    // An agency's template with a linked copy in a client's account, which the agency then hands to its client (accepted).
    private async Task<(TestAgency Agency, TestClient Client, string Template, string Copy, Browser ClientBrowser)> HandedOverWithALinkedCopyAsync()
    {
        var agency = await api.CreateAgencyAsync();
        var client = await agency.CreateClientAsync(name: "Bluebird Dental");
        var template = (await agency.CreateCampaignAsync(new { name = "Spring launch", instructions = "Be brief." })).GetProperty("id").GetString()!;
        var copy = await agency.LinkedCopyAsync(template, client.SubAccountId);
        await (await agency.OfferOwnershipAsync(client.SubAccountId)).ExpectAsync(HttpStatusCode.Created);
        var (browser, _) = await api.AcceptAsClientAsync(client, await api.TransferLinkAsync(client));
        return (agency, client, template, copy, browser);
    }

    private async Task<Campaign?> AsNewOwnerAsync(string subAccountId, string campaignId)
    {
        var houseId = await HouseIdAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<GetCampaign>().HandleAsync(Tenant.Of(houseId), CampaignId.From(Guid.Parse(campaignId)), Ct);
        return found.IsSuccess && found.Value.SubAccountId == SubAccountId.From(Guid.Parse(subAccountId)) ? found.Value : null;
    }

    private async Task<AgencyId> HouseIdAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Agencies.Where(a => a.IsHouse).Select(a => a.Id).SingleAsync(Ct);
    }

    private async Task<Guid> ConnectionIdAsync(string subAccountId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var id = SubAccountId.From(Guid.Parse(subAccountId));
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Connections.Where(c => c.SubAccountId == id).Select(c => c.Id).SingleAsync(Ct);
    }
}

public sealed class OwnershipTransferCampaignTestsOnSqlite(ClockedSqliteApi api) : OwnershipTransferCampaignTests(api), IClassFixture<ClockedSqliteApi>;

public sealed class OwnershipTransferCampaignTestsOnPostgres(ClockedPostgresApi api) : OwnershipTransferCampaignTests(api), IClassFixture<ClockedPostgresApi>;
