using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Payments;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// A node stopped for a deploy, with messages written leased to it and not yet delivered (here every delivery slot
/// hangs, as an SMTP server can): it gives them back as it stops, so another node delivers them at once instead of
/// after their one-minute lease.
/// </summary>
public abstract class OutboxGracefulStopTests(StoppingNodeApi api)
{
    private const int Messages = 20;

    [Fact]
    public async Task StopAsync_WithUndeliveredMessagesLeasedToTheNode_AnotherNodeDeliversThemAtOnce()
    {
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            for (var i = 0; i < Messages; i++)
            {
                outbox.Enqueue(HangingHandler.TopicName, $"hang-{Guid.NewGuid():N}", "{}");
            }
            await scope.ServiceProvider.GetRequiredService<EngineDbContext>().SaveChangesAsync(Ct);
        }
        await Eventually.ReturnsAsync(() => Task.FromResult(api.Hanging.Started), n => n >= 8);

        await api.Services.GetServices<IHostedService>().OfType<OutboxWorker>().Single().StopAsync(Ct);
        api.Hanging.Release();
        var leased = await CountAsync(m => m.LeasedUntil != null && m.CompletedAt == null);
        using var otherNode = new OutboxWorker(api.Services.GetRequiredService<IServiceScopeFactory>(), new OutboxSignal(), TimeProvider.System,
            api.Services.GetRequiredService<IOptions<OutboxOptions>>(), api.Services.GetRequiredService<ILogger<OutboxWorker>>());
        await otherNode.StartAsync(Ct);
        var delivered = await Eventually.ReturnsAsync(() => CountAsync(m => m.CompletedAt != null), n => n == Messages, TimeSpan.FromSeconds(10));
        await otherNode.StopAsync(Ct);

        leased.ShouldBe(0, "the stopped node gave back every message it had not delivered");
        delivered.ShouldBe(Messages, "another node delivered them within seconds, not after the stopped node's one-minute leases");
    }

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> filter)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().OutboxMessages
            .Where(m => m.Topic == HangingHandler.TopicName).CountAsync(filter, Ct);
    }
}

public sealed class OutboxGracefulStopTestsOnSqlite(StoppingNodeSqliteApi api) : OutboxGracefulStopTests(api), IClassFixture<StoppingNodeSqliteApi>;

public sealed class OutboxGracefulStopTestsOnPostgres(StoppingNodePostgresApi api) : OutboxGracefulStopTests(api), IClassFixture<StoppingNodePostgresApi>;

/// <summary>An install of its own (its outbox worker is stopped by the test), polling every ten minutes, with hanging deliveries.</summary>
public abstract class StoppingNodeApi(DatabaseProvider provider) : SlowPollApi(provider);

public sealed class StoppingNodeSqliteApi() : StoppingNodeApi(DatabaseProvider.Sqlite);

public sealed class StoppingNodePostgresApi() : StoppingNodeApi(DatabaseProvider.Postgres);
