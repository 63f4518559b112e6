using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResellerKit.Tests.Unit.Support;

public sealed record TestAgency(string Id, string Slug, string ApiKey, HttpClient Client);

/// <summary>The steps most API tests start with, spoken in the API's own JSON.</summary>
public static class ApiDriver
{
    /// <summary>The description <see cref="UsageAsync"/> sends with every debit.</summary>
    public const string UsageDescription = "test usage";

    public static async Task<TestAgency> CreateAgencyAsync(this ApiFixture api, string? slug = null)
    {
        slug ??= "agency-" + Guid.NewGuid().ToString("N")[..10];
        var response = await api.Platform().PostAsJsonAsync("/api/v1/agencies",
            new { name = $"Agency {slug}", slug, ownerEmail = $"owner@{slug}.example" }, cancellationToken: Ct);
        var body = await response.ExpectAsync(HttpStatusCode.Created);
        var key = body.GetProperty("apiKey").GetString()!;
        return new TestAgency(body.GetProperty("id").GetString()!, slug, key, api.WithKey(key));
    }

    public static async Task<string> CreateSubAccountAsync(this TestAgency agency, string creditMode = "shared", long? usageCapPerMonth = null)
    {
        var email = $"client-{Guid.NewGuid():N}@example.com";
        var response = await agency.Client.PostAsJsonAsync("/api/v1/sub-accounts", new { name = "Client " + email[..14], email, creditMode }, cancellationToken: Ct);
        var id = (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        if (usageCapPerMonth is not null)
        {
            (await agency.Client.PatchAsJsonAsync($"/api/v1/sub-accounts/{id}", new { usageCapPerMonth }, cancellationToken: Ct)).EnsureSuccessStatusCode();
        }
        return id;
    }

    public static async Task<long> GrantPoolAsync(this ApiFixture api, TestAgency agency, long credits)
    {
        var response = await api.Platform().PostAsJsonAsync($"/api/v1/agencies/{agency.Id}/grants", new { credits, reason = "test" }, cancellationToken: Ct);
        return (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("balance").GetInt64();
    }

    public static async Task<long> GrantAsync(this TestAgency agency, string subAccountId, long credits)
    {
        var response = await agency.Client.PostAsJsonAsync($"/api/v1/sub-accounts/{subAccountId}/grants", new { credits, reason = "test" }, cancellationToken: Ct);
        return (await response.ExpectAsync(HttpStatusCode.Created)).GetProperty("balance").GetInt64();
    }

    public static Task<HttpResponseMessage> UsageAsync(this HttpClient client, string subAccountId, long credits, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sub-accounts/{subAccountId}/usage")
        {
            Content = JsonContent.Create(new { credits, description = UsageDescription }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request, Ct);
    }

    public static async Task<long> PoolBalanceAsync(this TestAgency agency) =>
        (await (await agency.Client.GetAsync("/api/v1/agency", Ct)).ExpectAsync(HttpStatusCode.OK)).GetProperty("poolBalance").GetInt64();

    public static async Task<JsonElement> BalanceAsync(this TestAgency agency, string subAccountId) =>
        await (await agency.Client.GetAsync($"/api/v1/sub-accounts/{subAccountId}/balance", Ct)).ExpectAsync(HttpStatusCode.OK);

    /// <summary>Asserts the status (showing the body when it differs) and returns the JSON body.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a problem document with the given status and API error code.</summary>
    public static async Task<JsonElement> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.ExpectAsync(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        body.GetProperty("code").GetString().ShouldBe(code);
        return body;
    }
}
