using System.Net;
using System.Text;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// A name of only invisible characters (a zero-width space) is refused exactly as a name of only spaces is: the same
/// 400, code and words, on every route that takes a name.
/// </summary>
public sealed class InvisibleNameTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Theory]
    [InlineData("POST", "/api/v1/sub-accounts", "{\"name\":\"{name}\",\"email\":\"{email}\",\"creditMode\":\"shared\"}", "name")]
    [InlineData("POST", "/api/v1/plans", "{\"name\":\"{name}\",\"features\":[]}", "name")]
    [InlineData("POST", "/api/v1/packs", "{\"name\":\"{name}\",\"credits\":10,\"unitAmount\":500,\"currency\":\"usd\"}", "name")]
    [InlineData("PATCH", "/api/v1/agency", "{\"displayName\":\"{name}\"}", "displayName")]
    [InlineData("POST", "/api/v1/agencies", "{\"name\":\"{name}\",\"slug\":\"{slug}\",\"ownerEmail\":\"{email}\"}", "name")]
    public async Task Name_OfOnlyAZeroWidthSpace_IsRefusedAsANameOfOnlySpacesIs(string method, string path, string body, string field)
    {
        var agency = await api.CreateAgencyAsync();
        var client = path == "/api/v1/agencies" ? api.Platform() : agency.Client;

        var spaces = await SendAsync(client, method, path, body, "   ");
        var invisible = await SendAsync(client, method, path, body, "\\u200b\\u200b");

        var expected = await spaces.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var refused = await invisible.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        refused.GetProperty("errors").GetProperty(field).ToString().ShouldBe(expected.GetProperty("errors").GetProperty(field).ToString());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string body, string name)
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        var json = body.Replace("{name}", name, StringComparison.Ordinal).Replace("{email}", $"c-{unique}@example.com", StringComparison.Ordinal)
            .Replace("{slug}", $"s-{unique}", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return client.SendAsync(request, Ct);
    }
}
