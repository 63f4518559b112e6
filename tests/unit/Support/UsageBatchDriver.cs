using System.Net;
using System.Text;
using System.Text.Json;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>One event of a usage batch, as the host SaaS sends it.</summary>
public sealed record BatchEvent(string Id, string SubAccountId, long Credits, string? CampaignId = null, string Description = "batch usage");

/// <summary><c>POST /api/v1/usage/batch</c>, spoken in the API's own JSON.</summary>
public static class UsageBatchDriver
{
    public static Task<HttpResponseMessage> PostBatchAsync(this HttpClient client, IEnumerable<BatchEvent> events, string? idempotencyKey = null) =>
        client.PostBatchJsonAsync(JsonSerializer.Serialize(new
        {
            events = events.Select(e => new { id = e.Id, subAccountId = e.SubAccountId, credits = e.Credits, description = e.Description, campaignId = e.CampaignId }),
        }), idempotencyKey);

    public static Task<HttpResponseMessage> PostBatchJsonAsync(this HttpClient client, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/usage/batch") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request, TestCancellation.Ct);
    }

    /// <summary>The results of a 200 answer, in request order.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ResultsAsync(this HttpResponseMessage response) =>
        (await response.ExpectAsync(HttpStatusCode.OK)).GetProperty("results").EnumerateArray().ToList();

    public static string Status(this JsonElement result) => result.GetProperty("status").GetString()!;

    public static string? Code(this JsonElement result) => result.TryGetProperty("code", out var code) ? code.GetString() : null;

    public static string? Transaction(this JsonElement result) => result.TryGetProperty("transactionId", out var id) ? id.GetString() : null;
}
