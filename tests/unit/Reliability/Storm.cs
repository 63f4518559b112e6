using System.Diagnostics;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// Randomized concurrent operations against a <see cref="StormWorld"/>: usage (77 %), pool grants (8 %), sub-account
/// grants (9 %), credit-mode switches (4 %), purchases (1 %), refunds (0.5 %) and reused keys (0.5 %). Half carry an
/// Idempotency-Key and a fifth of those are retried. One in twenty of the first four kinds goes over HTTP; purchases,
/// refunds and reused keys always do. Everything else calls the Engine's handlers directly.
/// </summary>
public sealed class Storm(ApiFixture api, StormWorld world, StormSize size)
{
    public StormJournal Journal { get; } = new();

    public async Task<TimeSpan> RunAsync()
    {
        var engine = new EngineStormClient(api, Journal);
        var http = new HttpStormClient(api, Journal);
        var payments = new PaymentStormClient(api, Journal);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, size.Clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(size.Seed + client);
            for (var index = Interlocked.Increment(ref next); index < size.Operations; index = Interlocked.Increment(ref next))
            {
                try
                {
                    await OneAsync(index, random, engine, http, payments);
                }
                catch (Exception e)
                {
                    Journal.Fail($"operation {index} threw {e}");
                }
            }
        })));
        return clock.Elapsed;
    }

    private Task OneAsync(int index, Random random, EngineStormClient engine, HttpStormClient http, PaymentStormClient payments)
    {
        var agency = world.Agencies[random.Next(world.Agencies.Count)];
        var subAccount = agency.SubAccounts[random.Next(agency.SubAccounts.Count)];
        var roll = random.Next(1000);
        var overHttp = random.Next(20) == 0;
        var key = random.Next(2) == 0 ? $"storm-{index}" : null;
        var retry = random.Next(5) == 0;
        return roll switch
        {
            < 770 => overHttp
                ? http.UsageAsync(agency, subAccount, random.Next(1, 25), key, retry)
                : engine.UsageAsync(agency, subAccount, random.Next(1, 25), key, retry),
            < 850 => overHttp
                ? http.GrantPoolAsync(agency, random.Next(100, 1_500), key, retry)
                : engine.GrantPoolAsync(agency, random.Next(100, 1_500), key, retry),
            < 940 => overHttp
                ? http.GrantAsync(agency, subAccount, random.Next(20, 300), key, retry)
                : engine.GrantAsync(agency, subAccount, random.Next(20, 300), key, retry),
            < 980 => overHttp
                ? http.SwitchModeAsync(agency, subAccount, random.Next(2) == 0 ? "shared" : "reselling")
                : engine.SwitchModeAsync(agency, subAccount, random.Next(2) == 0 ? CreditMode.Shared : CreditMode.Reselling),
            < 990 => payments.PurchaseAsync(agency, subAccount, $"storm-{index}", raceFulfilment: random.Next(3) == 0),
            < 995 => payments.RefundAsync(whole: random.Next(2) == 0, replay: random.Next(2) == 0),
            _ => http.ReuseKeyAsync(agency, subAccount, $"storm-{index}"),
        };
    }
}
