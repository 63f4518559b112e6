using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Plans;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>Campaigns through the API, and "Copy to sub-account": a full, independent copy that says where it came from.</summary>
public abstract class CampaignTests(ApiFixture api)
{
    private static readonly object Everything = new
    {
        name = "Spring launch",
        settings = new { tone = "friendly", channels = new[] { "sms", "email" }, limits = new { perDay = 3, quietHours = new[] { 22, 7 } } },
        instructions = "Greet by first name.\nNever promise discounts.",
        faqs = new[] { new { question = "Do you ship abroad?", answer = "Yes, to the EU." }, new { question = "Returns?", answer = "Within 30 days." } },
        configuration = new { model = "small", temperature = 0.2, stop = new[] { "END" }, nested = new { deep = new { deeper = true } } },
    };

    [Fact]
    public async Task Create_WithEverything_Answers201AndGetReadsItBack()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PostAsJsonAsync("/api/v1/campaigns", Everything, Ct);
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var read = await agency.GetCampaignAsync(id);

        response.Headers.Location!.ToString().ShouldBe($"/api/v1/campaigns/{id}");
        read.GetProperty("subAccountId").ValueKind.ShouldBe(JsonValueKind.Null);
        read.GetProperty("name").GetString().ShouldBe("Spring launch");
        read.GetProperty("instructions").GetString().ShouldBe("Greet by first name.\nNever promise discounts.");
        read.GetProperty("faqs")[1].GetProperty("answer").GetString().ShouldBe("Within 30 days.");
        SameJson(read.GetProperty("settings"), JsonSerializer.SerializeToElement(Everything).GetProperty("settings")).ShouldBeTrue();
        read.GetProperty("configuration").GetProperty("nested").GetProperty("deep").GetProperty("deeper").GetBoolean().ShouldBeTrue();
        read.GetProperty("copiedFromId").ValueKind.ShouldBe(JsonValueKind.Null);
        SameContent(read, created).ShouldBeTrue();
    }

    [Fact]
    public async Task Create_WithOnlyAName_HoldsEmptyObjectsAndNoFaqs()
    {
        var agency = await api.CreateAgencyAsync();

        var created = await agency.CreateCampaignAsync(new { name = "  Bare  " });

        created.GetProperty("name").GetString().ShouldBe("Bare");
        created.GetProperty("settings").GetRawText().ShouldBe("{}");
        created.GetProperty("configuration").GetRawText().ShouldBe("{}");
        created.GetProperty("instructions").GetString().ShouldBe("");
        created.GetProperty("faqs").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Update_ChangesOnlyTheFieldsSent()
    {
        var agency = await api.CreateAgencyAsync();
        var id = (await agency.CreateCampaignAsync(Everything)).GetProperty("id").GetString()!;

        var response = await agency.Client.PatchAsJsonAsync($"/api/v1/campaigns/{id}",
            new { name = "Summer launch", configuration = new { model = "large" }, faqs = (object?)null }, Ct);
        var updated = await response.ExpectAsync(HttpStatusCode.OK);
        var read = await agency.GetCampaignAsync(id);

        SameContent(updated, read).ShouldBeTrue();
        read.GetProperty("name").GetString().ShouldBe("Summer launch");
        read.GetProperty("configuration").GetRawText().ShouldBe("{\"model\":\"large\"}");
        read.GetProperty("faqs").GetArrayLength().ShouldBe(0);
        read.GetProperty("settings").GetProperty("tone").GetString().ShouldBe("friendly");
        read.GetProperty("instructions").GetString().ShouldBe("Greet by first name.\nNever promise discounts.");
    }

    [Fact]
    public async Task Delete_Answers204_ThenTheCampaignIsGone()
    {
        var agency = await api.CreateAgencyAsync();
        var id = (await agency.CreateCampaignAsync(new { name = "Short-lived" })).GetProperty("id").GetString()!;

        var deleted = await agency.Client.DeleteAsync($"/api/v1/campaigns/{id}", Ct);
        var again = await agency.Client.DeleteAsync($"/api/v1/campaigns/{id}", Ct);
        var read = await agency.Client.GetAsync($"/api/v1/campaigns/{id}", Ct);

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await again.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        await read.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await agency.ListCampaignsAsync()).ShouldBeEmpty();
    }

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
    public async Task CreateAndUpdate_ForASubAccountWithCampaignsOff_Answer403_ButItsCampaignsCanStillBeReadAndCopiedOut()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync();
        var other = await agency.CreateSubAccountAsync();
        var held = (await agency.CreateCampaignAsync(WithOwner(subAccount))).GetProperty("id").GetString()!;
        await api.AssignPlanAsync(agency, subAccount, Features.All & ~Features.Campaigns);

        var create = await agency.Client.PostAsJsonAsync("/api/v1/campaigns", new { name = "New", subAccountId = subAccount }, Ct);
        var update = await agency.Client.PatchAsJsonAsync($"/api/v1/campaigns/{held}", new { name = "Renamed" }, Ct);
        var copyOut = await agency.CopyCampaignAsync(held, other);

        await create.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await update.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        copyOut.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await agency.GetCampaignAsync(held)).GetProperty("name").GetString().ShouldBe("Spring launch");
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

    [Fact]
    public async Task List_PagesNewestFirst_AndKeepsTheAgencysOwnApartFromASubAccounts()
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync();
        var own = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            own.Add((await agency.CreateCampaignAsync(new { name = $"Own {i}" })).GetProperty("id").GetString()!);
        }
        var held = (await agency.CreateCampaignAsync(new { name = "Held", subAccountId = subAccount })).GetProperty("id").GetString()!;

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await agency.Client.GetAsync($"/api/v1/campaigns?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}", Ct)).ExpectAsync(HttpStatusCode.OK);
            page.GetProperty("data").GetArrayLength().ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        seen.ShouldBe(Enumerable.Reverse(own).ToList());
        pages.ShouldBe(3);
        (await agency.ListCampaignsAsync(subAccount)).Select(c => c.GetProperty("id").GetString()).ShouldBe([held]);
    }

    [Fact]
    public async Task List_ForAnotherAgencysSubAccount_Answers404()
    {
        var agency = await api.CreateAgencyAsync();
        var neighbour = await api.CreateAgencyAsync();
        var theirs = await neighbour.CreateSubAccountAsync();
        await neighbour.CreateCampaignAsync(new { name = "Theirs", subAccountId = theirs });

        var response = await agency.Client.GetAsync($"/api/v1/campaigns?subAccountId={theirs}", Ct);

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private static object WithOwner(string subAccountId)
    {
        var body = JsonSerializer.SerializeToNode(Everything)!.AsObject();
        body["subAccountId"] = subAccountId;
        return body;
    }

    // Everything a campaign holds, compared as JSON: name, settings, instructions, FAQs and configuration.
    private static bool SameContent(JsonElement a, JsonElement b) =>
        new[] { "name", "settings", "instructions", "faqs", "configuration" }.All(p => SameJson(a.GetProperty(p), b.GetProperty(p)));

    private static bool SameJson(JsonElement a, JsonElement b) => JsonElement.DeepEquals(a, b);

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

public sealed class CampaignTestsOnSqlite(SqliteApi api) : CampaignTests(api), IClassFixture<SqliteApi>;

public sealed class CampaignTestsOnPostgres(PostgresApi api) : CampaignTests(api), IClassFixture<PostgresApi>;
