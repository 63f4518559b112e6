using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResellerKit.Bench;

/// <summary>The /api/v1 calls the bench drivers make to set up their agencies, as an agency's server would.</summary>
public static class BenchApi
{
    public static HttpClient Client(string baseUrl, string key) => new()
    {
        BaseAddress = new Uri(baseUrl),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
    };

    /// <summary>Sends <paramref name="body"/> as JSON and returns the answer's JSON; any non-2xx answer throws with its body.</summary>
    public static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
