using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Telemetry;

/// <summary>
/// Samples the outbox for <c>resellerkit.outbox.pending</c> and <c>resellerkit.outbox.oldest_age</c> every
/// <see cref="OutboxOptions.GaugeInterval"/>. A gauge's callback runs on the exporter's thread and must not query a
/// database, so it reads the last sample. Every node samples the same shared table: dashboards take the max.
/// </summary>
public sealed class OutboxGauges(IServiceScopeFactory scopes, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxGauges> logger)
    : BackgroundService
{
    public sealed record Sample(long Pending, TimeSpan OldestDueAge);

    public static Sample? Latest { get; private set; }

    // The gauges live in EngineTelemetry, whose instruments exist once it is first touched: create them here, so that a
    // node that has not moved money or sent a message since it started still exports its outbox gauges.
    static OutboxGauges() => RuntimeHelpers.RunClassConstructor(typeof(EngineTelemetry).TypeHandle);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.GaugeInterval, clock);
        do
        {
            try
            {
                Latest = await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Sampling the outbox for its gauges failed; the last sample stays");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public async Task<Sample> SampleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var now = clock.GetUtcNow();
        var open = db.OutboxMessages.AsNoTracking().Where(m => m.CompletedAt == null && m.AbandonedAt == null);
        var pending = await open.LongCountAsync(ct);
        var oldestDue = await open.Where(m => m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(ct);
        return new Sample(pending, oldestDue is { } due && due < now ? now - due : TimeSpan.Zero);
    }
}
