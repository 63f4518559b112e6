using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Plans;
using ResellerKit.Tests.Unit.Support;
using static ResellerKit.Tests.Unit.Support.CampaignContent;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>"Copy to sub-account" through the API: a full, independent copy that says where it came from.</summary>
public abstract class CampaignCopyTests(ApiFixture api)
{
    [Fact]
    public async Task Copy_FromTheAgency_CarriesEverythingAndRecordsTheOrigin()
    {
        var agency = await api.CreateAgencyAsync();
        var source = await agency.CreateCampaignAsync(Everything);
        var target = (await agency.CreateClientAsync(name: "Bakery Co")).SubAccountId;

        var copy = await (await agency.CopyCampaignAsync(source.GetProperty("id").GetString()!, target)).ExpectAsync(HttpStatusCode.Created);

        copy.GetProperty("id").GetString().ShouldNotBe(source.GetProperty("id").GetString());
        copy.GetProperty("subAccountId").GetString().ShouldBe(target);
        copy.GetProperty("copiedFromId").GetString().ShouldBe(source.GetProperty("id").GetString());
        copy.GetProperty("copiedFrom").GetString().ShouldBe($"Copied from Agency {agency.Slug}'s Spring launch");
        SameContent(copy, source).ShouldBeTrue();
        SameContent(await agency.GetCampaignAsync(copy.GetProperty("id").GetString()!), source).ShouldBeTrue();
        (await agency.ListCampaignsAsync(target)).Single().GetProperty("copiedFrom").GetString().ShouldBe($"Copied from Agency {agency.Slug}'s Spring launch");
        (await AuditActionsAsync(target)).ShouldContain("campaign.copied");
    }

    [Fact]
    public async Task Copy_FromOneSubAccountToAnother_CarriesEverythingAndRecordsTheOrigin()
    {
        var agency = await api.CreateAgencyAsync();
        var from = (await agency.CreateClientAsync(name: "Florist Ltd")).SubAccountId;
        var to = (await agency.CreateClientAsync(name: "Bakery Co")).SubAccountId;
        var source = await agency.CreateCampaignAsync(WithOwner(from));

        var copy = await (await agency.CopyCampaignAsync(source.GetProperty("id").GetString()!, to)).ExpectAsync(HttpStatusCode.Created);

        source.GetProperty("subAccountId").GetString().ShouldBe(from);
        copy.GetProperty("subAccountId").GetString().ShouldBe(to);
        copy.GetProperty("copiedFrom").GetString().ShouldBe("Copied from Florist Ltd's Spring launch");
        SameContent(copy, source).ShouldBeTrue();
        (await agency.ListCampaignsAsync(from)).Count.ShouldBe(1);
        (await agency.ListCampaignsAsync(to)).Count.ShouldBe(1);
        (await agency.ListCampaignsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Copy_Twice_MakesTwoIndependentCopies()
    {
        var agency = await api.CreateAgencyAsync();
        var source = await agency.CreateCampaignAsync(Everything);
        var sourceId = source.GetProperty("id").GetString()!;
        var target = await agency.CreateSubAccountAsync();

        var first = await (await agency.CopyCampaignAsync(sourceId, target)).ExpectAsync(HttpStatusCode.Created);
        var second = await (await agency.CopyCampaignAsync(sourceId, target)).ExpectAsync(HttpStatusCode.Created);
        var firstId = first.GetProperty("id").GetString()!;
        (await agency.Client.PatchAsJsonAsync($"/api/v1/campaigns/{firstId}", new
        {
            settings = new { tone = "formal" },
            faqs = new[] { new { question = "Changed?", answer = "Only here." } },
            instructions = "Edited copy",
        }, Ct)).EnsureSuccessStatusCode();

        firstId.ShouldNotBe(second.GetProperty("id").GetString());
        (await agency.ListCampaignsAsync(target)).Count.ShouldBe(2);
        var edited = await agency.GetCampaignAsync(firstId);
        edited.GetProperty("settings").GetRawText().ShouldBe("{\"tone\":\"formal\"}");
        SameContent(await agency.GetCampaignAsync(second.GetProperty("id").GetString()!), source).ShouldBeTrue();
        SameContent(await agency.GetCampaignAsync(sourceId), source).ShouldBeTrue();
    }

    [Fact]
    public async Task Copy_OfACopy_RecordsTheNearestOrigin_AndSurvivesTheSourcesDeletion()
    {
        var agency = await api.CreateAgencyAsync();
        var source = await agency.CreateCampaignAsync(Everything);
        var middle = (await agency.CreateClientAsync(name: "Middle Inc")).SubAccountId;
        var last = await agency.CreateSubAccountAsync();
        var firstCopy = await (await agency.CopyCampaignAsync(source.GetProperty("id").GetString()!, middle)).ExpectAsync(HttpStatusCode.Created);

        var secondCopy = await (await agency.CopyCampaignAsync(firstCopy.GetProperty("id").GetString()!, last)).ExpectAsync(HttpStatusCode.Created);
        (await agency.Client.DeleteAsync($"/api/v1/campaigns/{firstCopy.GetProperty("id").GetString()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var read = await agency.GetCampaignAsync(secondCopy.GetProperty("id").GetString()!);

        read.GetProperty("copiedFromId").GetString().ShouldBe(firstCopy.GetProperty("id").GetString());
        read.GetProperty("copiedFrom").GetString().ShouldBe("Copied from Middle Inc's Spring launch");
        SameContent(read, source).ShouldBeTrue();
    }

    [Fact]
    public async Task Copy_ToAnotherAgencysSubAccount_Answers404AndCopiesNothing()
    {
        var agency = await api.CreateAgencyAsync();
        var neighbour = await api.CreateAgencyAsync();
        var source = (await agency.CreateCampaignAsync(Everything)).GetProperty("id").GetString()!;
        var theirs = await neighbour.CreateSubAccountAsync();

        var response = await agency.CopyCampaignAsync(source, theirs);

        (await response.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found")).GetProperty("detail").GetString()!.ShouldContain("sub-account");
        (await neighbour.ListCampaignsAsync(theirs)).ShouldBeEmpty();
        (await CampaignCountAsync(theirs)).ShouldBe(0);
    }

    [Fact]
    public async Task Copy_OfAnotherAgencysCampaign_Answers404LikeAMissingOne()
    {
        var agency = await api.CreateAgencyAsync();
        var neighbour = await api.CreateAgencyAsync();
        var theirs = (await neighbour.CreateCampaignAsync(Everything)).GetProperty("id").GetString()!;
        var mine = await agency.CreateSubAccountAsync();

        var stolen = await agency.CopyCampaignAsync(theirs, mine);
        var missing = await agency.CopyCampaignAsync(Guid.NewGuid().ToString(), mine);

        var stolenBody = await stolen.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        var missingBody = await missing.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        stolenBody.GetProperty("detail").GetString().ShouldBe(missingBody.GetProperty("detail").GetString());
        (await agency.ListCampaignsAsync(mine)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Copy_IntoASubAccountWhosePlanSwitchesCampaignsOff_Answers403()
    {
        var agency = await api.CreateAgencyAsync();
        var source = (await agency.CreateCampaignAsync(Everything)).GetProperty("id").GetString()!;
        var target = await agency.CreateSubAccountAsync();
        (await agency.CopyCampaignAsync(source, target)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await api.AssignPlanAsync(agency, target, Features.All & ~Features.Campaigns);
        var response = await agency.CopyCampaignAsync(source, target);

        (await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden")).GetProperty("detail").GetString()!.ShouldContain("Campaigns");
        (await agency.ListCampaignsAsync(target)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Copy_RetriedWithTheSameIdempotencyKey_CopiesOnce()
    {
        var agency = await api.CreateAgencyAsync();
        var source = (await agency.CreateCampaignAsync(Everything)).GetProperty("id").GetString()!;
        var target = await agency.CreateSubAccountAsync();
        var key = $"copy-{Guid.NewGuid():N}";

        var first = await (await agency.CopyCampaignAsync(source, target, key)).ExpectAsync(HttpStatusCode.Created);
        var retry = await (await agency.CopyCampaignAsync(source, target, key)).ExpectAsync(HttpStatusCode.Created);

        retry.GetProperty("id").GetString().ShouldBe(first.GetProperty("id").GetString());
        (await agency.ListCampaignsAsync(target)).Count.ShouldBe(1);
    }

    private async Task<List<string>> AuditActionsAsync(string subAccountId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var id = ResellerKit.Engine.Common.SubAccountId.From(Guid.Parse(subAccountId));
        return await db.AuditEvents.Where(e => e.SubAccountId == id).Select(e => e.Action).ToListAsync(Ct);
    }

    private async Task<int> CampaignCountAsync(string subAccountId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var id = ResellerKit.Engine.Common.SubAccountId.From(Guid.Parse(subAccountId));
        return await db.Campaigns.CountAsync(c => c.SubAccountId == id, Ct);
    }
}

public sealed class CampaignCopyTestsOnSqlite(SqliteApi api) : CampaignCopyTests(api), IClassFixture<SqliteApi>;

public sealed class CampaignCopyTestsOnPostgres(PostgresApi api) : CampaignCopyTests(api), IClassFixture<PostgresApi>;
