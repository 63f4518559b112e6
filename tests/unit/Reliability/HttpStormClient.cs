using System.Net;
using System.Text;
using System.Text.Json;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// The HTTP share of a storm, through the whole in-memory pipeline (authentication, binding, the Idempotency-Key
/// filter, the handlers). A keyed request that is retried is sent twice at once and once more afterwards: all three
/// must get the same status and the same body, and post once.
/// </summary>
public sealed class HttpStormClient(ApiFixture api, StormJournal journal)
{
    private readonly HttpClient platform = api.Platform();

    public Task UsageAsync(StormAgency agency, SubAccountId subAccount, long credits, string? key, bool retry) =>
        PostAsync("http usage", new(StormKind.Usage, agency.Id, subAccount, credits, 0, 0), agency.Api.Client, $"/api/v1/sub-accounts/{subAccount.Value}/usage",
            $"{{\"credits\":{credits},\"description\":\"storm usage\"}}", key, retry);

    public Task GrantPoolAsync(StormAgency agency, long credits, string? key, bool retry) =>
        PostAsync("http pool grant", new(StormKind.PoolGrant, agency.Id, null, credits, 0, 0), platform, $"/api/v1/agencies/{agency.Id.Value}/grants",
            $"{{\"credits\":{credits},\"reason\":\"storm\"}}", key, retry);

    public Task GrantAsync(StormAgency agency, SubAccountId subAccount, long credits, string? key, bool retry) =>
        PostAsync("http grant", new(StormKind.Grant, agency.Id, subAccount, credits, 0, 0), agency.Api.Client, $"/api/v1/sub-accounts/{subAccount.Value}/grants",
            $"{{\"credits\":{credits},\"reason\":\"storm\"}}", key, retry);

    public async Task SwitchModeAsync(StormAgency agency, SubAccountId subAccount, string mode)
    {
        var started = StormJournal.Now();
        var (status, body) = await SendAsync(agency.Api.Client, HttpMethod.Patch, $"/api/v1/sub-accounts/{subAccount.Value}", $"{{\"creditMode\":\"{mode}\"}}", null);
        journal.Record(new(StormKind.Switch, agency.Id, subAccount, 0, started, StormJournal.Now())
        {
            Mode = mode == "shared" ? CreditMode.Shared : CreditMode.Reselling,
            Status = (int)status,
            Refused = status == HttpStatusCode.OK ? null : CodeOf(body),
        });
        Expect4xxOr(status, body, "http mode switch", HttpStatusCode.OK);
    }

    /// <summary>The same key with another body: 409 idempotency_key_reused, and the second body is never applied.</summary>
    public async Task ReuseKeyAsync(StormAgency agency, SubAccountId subAccount, string key)
    {
        await PostAsync("http usage", new(StormKind.Usage, agency.Id, subAccount, 1, 0, 0), agency.Api.Client,
            $"/api/v1/sub-accounts/{subAccount.Value}/usage", "{\"credits\":1}", key, retry: false);
        var (status, body) = await SendAsync(agency.Api.Client, HttpMethod.Post, $"/api/v1/sub-accounts/{subAccount.Value}/usage", "{\"credits\":2}", key);
        if (status != HttpStatusCode.Conflict || !body.Contains("\"idempotency_key_reused\"", StringComparison.Ordinal))
        {
            journal.Fail($"a reused Idempotency-Key {key} with another body answered {(int)status}: {body}");
        }
        journal.Count("http key reused: 409");
    }

    private async Task PostAsync(string kind, StormOperation operation, HttpClient client, string path, string json, string? key, bool retry)
    {
        var agency = operation.Agency;
        var started = StormJournal.Now();
        var attempts = key is not null && retry
            ? await Task.WhenAll(SendAsync(client, HttpMethod.Post, path, json, key), SendAsync(client, HttpMethod.Post, path, json, key))
            : [await SendAsync(client, HttpMethod.Post, path, json, key)];
        var ended = StormJournal.Now();
        if (key is not null && retry)
        {
            attempts = [.. attempts, await SendAsync(client, HttpMethod.Post, path, json, key)];
            if (attempts.Select(a => (a.Status, a.Body)).Distinct().Count() != 1)
            {
                journal.Fail($"{kind}: retries of Idempotency-Key {key} got different answers: " +
                    string.Join(" | ", attempts.Select(a => $"{(int)a.Status} {a.Body}")));
            }
        }
        var (status, body) = attempts[0];
        if (status == HttpStatusCode.Created)
        {
            var id = TransactionId.From(Guid.Parse(JsonDocument.Parse(body).RootElement.GetProperty("transactionId").GetString()!));
            journal.Record(operation with { Started = started, Ended = ended, Posted = id, Status = (int)status });
            journal.RecordPosted(id, kind, agency, key);
            return;
        }
        journal.Record(operation with { Started = started, Ended = ended, Refused = CodeOf(body), Status = (int)status });
        Expect4xxOr(status, body, kind, HttpStatusCode.Created);
        if (key is not null) journal.KeyedRefusals.TryAdd(StormJournal.Keyed(agency, key), 0);
    }

    private void Expect4xxOr(HttpStatusCode status, string body, string kind, HttpStatusCode success)
    {
        if (status == success)
        {
            journal.Count($"{kind}: {(int)status}");
            return;
        }
        if ((int)status is < 400 or >= 500 || !body.Contains("\"code\"", StringComparison.Ordinal))
        {
            journal.Fail($"{kind}: answered {(int)status} {body}");
            return;
        }
        journal.Count($"{kind}: {JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()}");
    }

    /// <summary>The problem document's <c>code</c>, or "(none)" when the answer carries none.</summary>
    public static string CodeOf(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()!
                : "(none)";
        }
        catch (JsonException)
        {
            return "(none)";
        }
    }

    public static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, HttpMethod method, string path, string? json, string? key)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
