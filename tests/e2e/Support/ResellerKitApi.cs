using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>The HTTP API of a running Storefront, as an agency's server or the platform calls it.</summary>
public sealed class ResellerKitApi(string baseUrl, string key) : IDisposable
{
    public string Key => key;

    private readonly HttpClient http = new() { BaseAddress = new Uri(baseUrl), DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) } };

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(expected, $"{method} {path} answered: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> PostAsync(string path, object? body, HttpStatusCode expected = HttpStatusCode.Created, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, body, expected, idempotencyKey);

    public Task<JsonElement> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null, HttpStatusCode.OK);

    public async Task<long> BalanceAsync(string subAccount) => (await GetAsync($"/api/v1/sub-accounts/{subAccount}/balance")).GetProperty("balance").GetInt64();

    public void Dispose() => http.Dispose();
}
