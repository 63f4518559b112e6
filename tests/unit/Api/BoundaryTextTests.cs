using System.Net;
using System.Net.Http.Json;
using System.Text;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// What crosses the boundary as text is text: JSON bodies of valid UTF-8 with each property once (also the ones no
/// route reads), and names and shown text without control characters, refused with a 400 naming the field.
/// </summary>
public sealed class BoundaryTextTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task PatchAgency_WithInvalidUtf8InAPropertyNoRouteReads_Answers400()
    {
        var agency = await api.CreateAgencyAsync();
        byte[] body = [.. "{\"x\":\"a"u8, 0xC3, 0x28, .. "\",\"displayName\":\"Renamed\"}"u8];

        var response = await agency.Client.PatchAsync("/api/v1/agency", Json(body), Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("x", out _).ShouldBeTrue(problem.ToString());
        (await DisplayNameAsync(agency)).ShouldNotBe("Renamed");
    }

    [Theory]
    [InlineData("{\"x\":1,\"x\":2,\"displayName\":\"Renamed\"}", "x")]
    [InlineData("{\"displayName\":\"Renamed\",\"displayName\":\"Other\"}", "displayName")]
    [InlineData("{\"meta\":{\"a\":1,\"a\":2},\"displayName\":\"Renamed\"}", "meta.a")]
    public async Task PatchAgency_RepeatingAProperty_Answers400NamingIt(string body, string field)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PatchAsync("/api/v1/agency", Json(Encoding.UTF8.GetBytes(body)), Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await DisplayNameAsync(agency)).ShouldNotBe("Renamed");
    }

    [Fact]
    public async Task PatchAgency_WithAnEscapedLoneSurrogate_Answers400()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PatchAsync("/api/v1/agency", Json("{\"unknown\":\"\\ud800\"}"u8.ToArray()), Ct);

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    /// <summary>The batch route reads its events as raw JSON: a lone surrogate in one is refused at the door, not a 500.</summary>
    [Theory]
    [InlineData("id")]
    [InlineData("description")]
    [InlineData("metadata")]
    public async Task UsageBatch_WithAnEscapedLoneSurrogateInAnEvent_Answers400(string field)
    {
        var agency = await api.CreateAgencyAsync();
        var subAccount = await agency.CreateSubAccountAsync();
        var odd = field == "metadata" ? "{\"note\":\"\\ud800\"}" : "\"\\ud800\"";
        var first = field == "id" ? "" : "\"id\":\"e1\",";
        var body = $"{{\"events\":[{{{first}\"subAccountId\":\"{subAccount}\",\"credits\":1,\"{field}\":{odd}}}]}}";

        var response = await agency.Client.PostAsync("/api/v1/usage/batch", Json(Encoding.UTF8.GetBytes(body)), Ct);

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Theory]
    [InlineData("POST", "/api/v1/sub-accounts", "{\"name\":\"Acme\\u0000Corp\",\"email\":\"{email}\",\"creditMode\":\"shared\"}", "name")]
    [InlineData("POST", "/api/v1/sub-accounts", "{\"name\":\"Acme\\r\\nBcc: victim\",\"email\":\"{email}\",\"creditMode\":\"shared\"}", "name")]
    [InlineData("PATCH", "/api/v1/agency", "{\"displayName\":\"\\u001b[31mRed\"}", "displayName")]
    [InlineData("POST", "/api/v1/packs", "{\"name\":\"Starter\\n\",\"credits\":10,\"unitAmount\":500,\"currency\":\"usd\"}", "name")]
    [InlineData("POST", "/api/v1/packs", "{\"name\":\"Starter\",\"credits\":10,\"unitAmount\":500,\"currency\":\"usd\",\"highlight\":\"Best\\tvalue\"}", "highlight")]
    [InlineData("PATCH", "/api/v1/agency", "{\"emailFooter\":\"Line one\\nLine two\\u0000\"}", "emailFooter")]
    [InlineData("POST", "/api/v1/sub-accounts", "{\"name\":\"Invoice \\u202egnp.exe\",\"email\":\"{email}\",\"creditMode\":\"shared\"}", "name")]
    [InlineData("PATCH", "/api/v1/agency", "{\"displayName\":\"Acme \\u2066Support\\u2069\"}", "displayName")]
    public async Task NameOrShownText_WithAControlCharacter_Answers400NamingTheField(string method, string path, string body, string field)
    {
        var agency = await api.CreateAgencyAsync();
        var json = body.Replace("{email}", $"c-{Guid.NewGuid():N}@example.com", StringComparison.Ordinal);

        var response = await agency.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        }, Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain("control characters");
    }

    [Fact]
    public async Task CreateAgency_WithANulInItsName_Answers400NamingIt()
    {
        var slug = "nul-" + Guid.NewGuid().ToString("N")[..8];

        var response = await api.Platform().PostAsJsonAsync("/api/v1/agencies", new { name = "Evil\0Agency", slug, ownerEmail = $"o@{slug}.example" }, Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task UsageAndGrants_WithControlCharactersInTheirText_Answer400AndMoveNothing()
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 100);
        var subAccount = await agency.CreateSubAccountAsync();

        var usage = await agency.Client.PostAsJsonAsync($"/api/v1/sub-accounts/{subAccount}/usage", new { credits = 5, description = "sent\r\nto all" }, Ct);
        var grant = await agency.Client.PostAsJsonAsync($"/api/v1/sub-accounts/{subAccount}/grants", new { credits = 5, reason = "gift\0" }, Ct);

        (await usage.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("description", out _).ShouldBeTrue();
        (await grant.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        (await agency.PoolBalanceAsync()).ShouldBe(100);
    }

    [Fact]
    public async Task EmailFooter_WithLineBreaksAndTabs_IsKeptAsWritten()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { emailFooter = "Acme Ltd\r\n\t1 High Street" }, Ct);

        (await response.ExpectAsync(HttpStatusCode.OK)).GetProperty("emailFooter").GetString().ShouldBe("Acme Ltd\r\n\t1 High Street");
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<string?> DisplayNameAsync(TestAgency agency) =>
        (await (await agency.Client.GetAsync("/api/v1/agency", Ct)).ExpectAsync(HttpStatusCode.OK)).GetProperty("displayName").GetString();
}
