using System.Net;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Credits;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Api;

/// <summary>
/// Idempotency keys belong to their caller (trust boundaries, item 6): the agency and the platform may both send
/// <c>Idempotency-Key: host-msg-1</c> for the same agency, on the single route or as a batch event id, in any order.
/// Random sequences of such calls never answer 5xx; each caller's key applies once (a retry replays it, another
/// debit under it is refused as a reused key); the pool is exactly what was applied; the ledger verifies. Both routes
/// describe their debits alike, so that the same credits are the same debit whichever route sends them.
/// </summary>
public sealed class SharedIdempotencyKeyTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private sealed record Step(bool Platform, int Key, long Credits, bool Batch)
    {
        public override string ToString() => $"{(Platform ? "platform" : "agency")} {(Batch ? "batch" : "single")} key-{Key} x{Credits}";
    }

    private static readonly Gen<Step> Steps = Gen.Select(Gen.Bool, Gen.Int[0, 2], Gen.Long[1, 3], Gen.Bool, (p, k, c, b) => new Step(p, k, c, b));

    [Fact]
    public async Task Usage_AgencyAndPlatformSharingKeys_ApplyEachCallersKeyOnceAndNeverAnswer5xx()
    {
        await Steps.Array[1, 10].SampleAsync(RunAsync, iter: 12, threads: 1);
    }

    [Fact]
    public async Task Usage_ThePlatformReusingTheAgencysKey_AppliesItsOwnDebit()
    {
        await RunAsync([new Step(false, 0, 2, false), new Step(true, 0, 2, false)]);
        await RunAsync([new Step(true, 1, 3, false), new Step(false, 1, 3, false)]);
        await RunAsync([new Step(false, 2, 1, true), new Step(true, 2, 1, true), new Step(true, 2, 1, false)]);
    }

    [Fact]
    public async Task Usage_ARetryAfterAnotherDebitWasRefusedTheKey_StillReplaysTheFirst()
    {
        // Found by the property above (seed 0008RjG4eUB1): the refused single debit used to keep the key's HTTP record,
        // so the batch event's own retry through the single route was refused as well.
        await RunAsync([new Step(false, 2, 3, true), new Step(false, 2, 1, false), new Step(false, 2, 3, false)]);
    }

    private async Task RunAsync(Step[] steps)
    {
        var agency = await api.CreateAgencyAsync();
        await api.GrantPoolAsync(agency, 1_000);
        var subAccount = await agency.CreateSubAccountAsync();
        var platform = api.Platform();
        var firstUse = new Dictionary<(bool Platform, int Key), (long Credits, string Transaction)>();
        foreach (var step in steps)
        {
            // The platform's scope spans every agency: each sample's keys are its own, shared by its agency and the platform.
            var key = $"host-msg-{step.Key}-{agency.Slug}";
            var client = step.Platform ? platform : agency.Client;
            var (outcome, transaction) = step.Batch
                ? await BatchAsync(client, key, subAccount, step.Credits)
                : await SingleAsync(client, key, subAccount, step.Credits);
            if (!firstUse.TryGetValue((step.Platform, step.Key), out var first))
            {
                outcome.ShouldBe("applied", $"{step}: the first use of a key in its caller's scope applies");
                firstUse[(step.Platform, step.Key)] = (step.Credits, transaction!);
            }
            else if (first.Credits == step.Credits)
            {
                outcome.ShouldBe("replayed", $"{step}: a retry of the same debit replays it");
                transaction.ShouldBe(first.Transaction, $"{step}: a retry answers the first transaction");
            }
            else
            {
                outcome.ShouldBe("idempotency_key_reused", $"{step}: another debit under a used key is refused");
            }
        }
        (await agency.PoolBalanceAsync()).ShouldBe(1_000 - firstUse.Values.Sum(f => f.Credits));
        await using var scope = api.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(Ct)).Problems.ShouldBeEmpty();
    }

    private static async Task<(string Outcome, string? Transaction)> SingleAsync(HttpClient client, string key, string subAccount, long credits)
    {
        using var response = await client.UsageAsync(subAccount, credits, key);
        var body = await response.Content.ReadAsStringAsync(Ct);
        ((int)response.StatusCode).ShouldBeLessThan(500, body);
        var json = JsonDocument.Parse(body).RootElement;
        return response.StatusCode switch
        {
            HttpStatusCode.Created => (response.Headers.Contains("Idempotent-Replayed") ? "replayed" : "applied", json.GetProperty("transactionId").GetString()),
            _ => (json.GetProperty("code").GetString()!, null),
        };
    }

    private static async Task<(string Outcome, string? Transaction)> BatchAsync(HttpClient client, string key, string subAccount, long credits)
    {
        using var response = await client.PostBatchAsync([new BatchEvent(key, subAccount, credits, Description: ApiDriver.UsageDescription)]);
        var result = (await response.ResultsAsync()).Single();
        return result.Status() switch
        {
            "duplicate" => ("replayed", result.Transaction()),
            "refused" => (result.Code()!, null),
            var status => (status, result.Transaction()),
        };
    }
}
