using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Payments;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// A delivery that outlives its lease (a Stripe recharge while Stripe is slow makes several calls, each up to a timeout
/// and Stripe.net's retries) keeps it: a second node polling all the while never claims the row, so the card is never
/// charged by two nodes at once.
/// </summary>
public abstract class OutboxLeaseRenewalTests(ShortLeaseApi api)
{
    [Fact]
    public async Task DeliverAsync_OutlivingItsLease_IsNotClaimedByAnotherNode()
    {
        var messageId = $"hang-{Guid.NewGuid():N}";
        await using (var scope = api.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OutboxWriter>().Enqueue(HangingHandler.TopicName, messageId, "{}");
            await scope.ServiceProvider.GetRequiredService<EngineDbContext>().SaveChangesAsync(Ct);
        }
        await Eventually.ReturnsAsync(() => Task.FromResult(api.Hanging.Started), n => n >= 1);
        var lease = api.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.Lease;

        using var otherNode = new OutboxWorker(api.Services.GetRequiredService<IServiceScopeFactory>(), new OutboxSignal(), TimeProvider.System,
            api.Services.GetRequiredService<IOptions<OutboxOptions>>(), api.Services.GetRequiredService<ILogger<OutboxWorker>>());
        await otherNode.StartAsync(Ct);
        await Task.Delay(lease * 3, Ct); // the first delivery hangs for three leases while the other node polls every 200 ms
        api.Hanging.Release();
        var attempts = await Eventually.ReturnsAsync(() => AttemptsOnceDeliveredAsync(messageId), a => a is not null);
        await otherNode.StopAsync(Ct);

        api.Hanging.Started.ShouldBe(1, "the other node never claimed the row the first node was still delivering");
        attempts.ShouldBe(1);
    }

    private async Task<int?> AttemptsOnceDeliveredAsync(string messageId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().OutboxMessages
            .Where(m => m.MessageId == messageId && m.CompletedAt != null).Select(m => (int?)m.Attempts).SingleOrDefaultAsync(Ct);
    }
}

public sealed class OutboxLeaseRenewalTestsOnSqlite(ShortLeaseSqliteApi api) : OutboxLeaseRenewalTests(api), IClassFixture<ShortLeaseSqliteApi>;

public sealed class OutboxLeaseRenewalTestsOnPostgres(ShortLeasePostgresApi api) : OutboxLeaseRenewalTests(api), IClassFixture<ShortLeasePostgresApi>;

/// <summary>An install whose outbox leases last three seconds and are looked for every 200 ms, with hanging deliveries.</summary>
public abstract class ShortLeaseApi(DatabaseProvider provider) : ApiFixture(provider)
{
    public HangingHandler Hanging { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Outbox:Lease"] = "00:00:03",
        ["Outbox:PollInterval"] = "00:00:00.200",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IOutboxHandler>(Hanging);
}

public sealed class ShortLeaseSqliteApi() : ShortLeaseApi(DatabaseProvider.Sqlite);

public sealed class ShortLeasePostgresApi() : ShortLeaseApi(DatabaseProvider.Postgres);
