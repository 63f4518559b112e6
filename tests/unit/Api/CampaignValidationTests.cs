using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>A campaign's limits: every bad field answers 400 validation_failed naming it, and nothing is stored.</summary>
public sealed class CampaignValidationTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    public static TheoryData<string, string> BadCreates => new()
    {
        { "{}", "name" },
        { "{\"name\":\"   \"}", "name" },
        { $"{{\"name\":\"{new string('n', 121)}\"}}", "name" },
        { "{\"name\":5}", "name" },
        { "{\"name\":\"x\",\"settings\":[1,2]}", "settings" },
        { "{\"name\":\"x\",\"settings\":\"{}\"}", "settings" },
        { "{\"name\":\"x\",\"configuration\":5}", "configuration" },
        { "{\"name\":\"x\",\"configuration\":true}", "configuration" },
        { $"{{\"name\":\"x\",\"settings\":{{\"k\":\"{new string('a', 65_529)}\"}}}}", "settings" },
        { $"{{\"name\":\"x\",\"configuration\":{{\"k\":\"{new string('a', 65_529)}\"}}}}", "configuration" },
        { $"{{\"name\":\"x\",\"instructions\":\"{new string('i', 20_001)}\"}}", "instructions" },
        { "{\"name\":\"x\",\"faqs\":\"not a list\"}", "faqs" },
        { "{\"name\":\"x\",\"faqs\":{\"question\":\"q\",\"answer\":\"a\"}}", "faqs" },
        { $"{{\"name\":\"x\",\"faqs\":[{string.Join(",", Enumerable.Repeat("{\"question\":\"q\",\"answer\":\"a\"}", 201))}]}}", "faqs" },
        { "{\"name\":\"x\",\"faqs\":[{\"question\":\"\",\"answer\":\"a\"}]}", "faqs[0].question" },
        { "{\"name\":\"x\",\"faqs\":[{\"question\":\"q\",\"answer\":\"a\"},{\"question\":\"q\"}]}", "faqs[1].answer" },
        { $"{{\"name\":\"x\",\"faqs\":[{{\"question\":\"{new string('q', 501)}\",\"answer\":\"a\"}}]}}", "faqs[0].question" },
        { $"{{\"name\":\"x\",\"faqs\":[{{\"question\":\"q\",\"answer\":\"{new string('a', 5_001)}\"}}]}}", "faqs[0].answer" },
        { "{\"name\":\"x\",\"faqs\":[null]}", "faqs[0].question" },
        { "{\"name\":\"x\",\"faqs\":[{\"question\":1,\"answer\":\"a\"}]}", "faqs[0].question" },
        { "{\"name\":\"x\",\"subAccountId\":\"not-an-id\"}", "subAccountId" },
        { "{\"name\":\"x\",\"settings\":{\"a\":1}", "body" },
        { "[]", "body" },
    };

    [Theory]
    [MemberData(nameof(BadCreates))]
    public async Task Create_WithInvalidBody_Answers400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PostAsync("/api/v1/campaigns", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"errors should name '{field}': {problem}");
        (await agency.ListCampaignsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_WithSeveralBadFields_NamesEveryOne()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name = "",
            settings = new[] { 1 },
            configuration = "x",
            instructions = new string('i', 20_001),
            faqs = new[] { new { question = "", answer = "" } },
        }, Ct);

        var errors = (await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order().ShouldBe(
            ["configuration", "faqs[0].answer", "faqs[0].question", "instructions", "name", "settings"]);
    }

    [Fact]
    public async Task Create_AtEveryLimit_IsAccepted()
    {
        var agency = await api.CreateAgencyAsync();
        // {"k":"…"} is 8 bytes around the value: exactly 64 KB in all.
        var settings = new Dictionary<string, string> { ["k"] = new string('a', 65_536 - 8) };

        var created = await agency.CreateCampaignAsync(new
        {
            name = new string('n', 120),
            settings,
            configuration = settings,
            instructions = new string('i', 20_000),
            faqs = Enumerable.Range(0, 200).Select(i => new { question = new string('q', 500), answer = new string('a', 5_000) }).ToArray(),
        });

        created.GetProperty("faqs").GetArrayLength().ShouldBe(200);
        Encoding.UTF8.GetByteCount(created.GetProperty("settings").GetRawText()).ShouldBe(65_536);
    }

    [Theory]
    [InlineData("{\"name\":null}", "name")]
    [InlineData("{\"name\":\"\"}", "name")]
    [InlineData("{\"settings\":[]}", "settings")]
    [InlineData("{\"configuration\":\"text\"}", "configuration")]
    [InlineData("{\"faqs\":[{\"question\":\"q\",\"answer\":\"\"}]}", "faqs[0].answer")]
    [InlineData("{\"faqs\":7}", "faqs")]
    public async Task Update_WithInvalidBody_Answers400NamingTheFieldAndChangesNothing(string body, string field)
    {
        var agency = await api.CreateAgencyAsync();
        var id = (await agency.CreateCampaignAsync(new { name = "Kept", settings = new { a = 1 } })).GetProperty("id").GetString()!;

        var response = await agency.Client.PatchAsync($"/api/v1/campaigns/{id}", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"errors should name '{field}': {problem}");
        var read = await agency.GetCampaignAsync(id);
        read.GetProperty("name").GetString().ShouldBe("Kept");
        read.GetProperty("settings").GetRawText().ShouldBe("{\"a\":1}");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"targetSubAccountId\":null}")]
    [InlineData("{\"targetSubAccountId\":\"nope\"}")]
    [InlineData("{\"targetSubAccountId\":42}")]
    public async Task Copy_WithoutAValidTarget_Answers400NamingIt(string body)
    {
        var agency = await api.CreateAgencyAsync();
        var id = (await agency.CreateCampaignAsync(new { name = "Source" })).GetProperty("id").GetString()!;

        var response = await agency.Client.PostAsync($"/api/v1/campaigns/{id}/copy", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("targetSubAccountId", out _).ShouldBeTrue(problem.ToString());
    }

    [Theory]
    [InlineData("?subAccountId=nope", "subAccountId")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?cursor=bm9wZQ", "cursor")]
    public async Task List_WithInvalidQuery_Answers400NamingTheParameter(string query, string field)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.GetAsync($"/api/v1/campaigns{query}", Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task Campaigns_WithThePlatformKey_Answer403()
    {
        var response = await api.Platform().GetAsync("/api/v1/campaigns", Ct);

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Create_KeepsJsonKeysInTheOrderSent()
    {
        var agency = await api.CreateAgencyAsync();

        var created = await agency.CreateCampaignAsync(JsonDocument.Parse("{\"name\":\"x\",\"settings\":{ \"z\": 1, \"a\": { \"y\": [ 2, 1 ] } }}").RootElement);

        created.GetProperty("settings").GetRawText().ShouldBe("{\"z\":1,\"a\":{\"y\":[2,1]}}");
    }
}
