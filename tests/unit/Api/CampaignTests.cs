using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResellerKit.Engine.Plans;
using ResellerKit.Tests.Unit.Support;
using static ResellerKit.Tests.Unit.Support.CampaignContent;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>Campaigns through the API: create, read, update, delete and list, and what a plan without campaigns allows. Copying is in <see cref="CampaignCopyTests"/>.</summary>
public abstract class CampaignTests(ApiFixture api)
{
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
}

public sealed class CampaignTestsOnSqlite(SqliteApi api) : CampaignTests(api), IClassFixture<SqliteApi>;

public sealed class CampaignTestsOnPostgres(PostgresApi api) : CampaignTests(api), IClassFixture<PostgresApi>;
