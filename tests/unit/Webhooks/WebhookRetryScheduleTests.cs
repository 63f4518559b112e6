using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Webhooks;
using ResellerKit.Storefront.Webhooks.Sending;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Webhooks;

/// <summary>
/// The retry schedule of agency webhooks: exponential with jitter, capped, Retry-After first, and the real
/// <see cref="WebhookMessageHandler"/> retrying against an endpoint that always fails until <c>RetryFor</c> has passed.
/// </summary>
public sealed class WebhookRetryScheduleTests(WebhookApi api) : IClassFixture<WebhookApi>
{
    private static readonly WebhookRetryOptions Defaults = new();

    [Fact]
    public void Next_WhenTheEndpointSentRetryAfter_WaitsExactlyThat()
    {
        WebhookRetrySchedule.Next(7, Defaults, TimeSpan.FromSeconds(42)).ShouldBe(TimeSpan.FromSeconds(42));
    }

    [Theory]
    [InlineData(1, 2.5, 5)]
    [InlineData(2, 5, 10)]
    [InlineData(5, 40, 80)]
    [InlineData(30, 3 * 3600, 6 * 3600)]
    public void Next_DoublesEachAttemptWithJitter_UpToTheCap(int attempt, double minSeconds, double maxSeconds)
    {
        var delays = Enumerable.Range(0, 200).Select(_ => WebhookRetrySchedule.Next(attempt, Defaults).TotalSeconds).ToList();

        delays.ShouldAllBe(d => d >= minSeconds && d <= maxSeconds);
        delays.Distinct().Count().ShouldBeGreaterThan(100, "jitter spreads the retries of many messages");
    }

    /// <summary>
    /// The handler itself, on a clock the test moves to each retry time it asks for: it keeps retrying while an attempt
    /// is made before the first attempt + RetryFor, and the first attempt at or after that marks the delivery failed.
    /// One hour shows that RetryFor is what stops it; three days are the defaults.
    /// </summary>
    [Theory]
    [InlineData("01:00:00", 8, 14)]
    [InlineData("3.00:00:00", 20, 40)]
    public async Task HandleAsync_WhenTheEndpointAlwaysFails_RetriesUntilRetryForHasPassed_ThenMarksTheDeliveryFailed(
        string retryFor, int fewestAttempts, int mostAttempts)
    {
        var options = new WebhookRetryOptions { RetryFor = TimeSpan.Parse(retryFor, System.Globalization.CultureInfo.InvariantCulture) };
        await using var endpoint = await LoopbackServer.StartAsync(c => { c.Response.StatusCode = 503; return Task.CompletedTask; });
        var messageId = await UndeliveredMessageAsync(endpoint.Url("/hook"));
        var clock = new TestClock(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        var attemptsAt = new List<DateTimeOffset>();

        OutboxOutcome outcome;
        do
        {
            attemptsAt.Add(clock.GetUtcNow());
            outcome = await HandleOnceAsync(messageId, options, clock);
            if (outcome is RetryOutcome retry)
            {
                retry.When.ShouldBeGreaterThan(clock.GetUtcNow());
                clock.Advance(retry.When - clock.GetUtcNow());
            }
        }
        while (outcome is RetryOutcome && attemptsAt.Count < 200);

        var message = await MessageAsync(messageId);
        var first = attemptsAt[0];
        outcome.ShouldBeOfType<AbandonOutcome>().Error.ShouldStartWith($"Gave up after {attemptsAt.Count} attempts");
        message.State.ShouldBe(WebhookMessageState.Failed);
        message.RetryUntil.ShouldBe(first + options.RetryFor);
        attemptsAt[^1].ShouldBeGreaterThanOrEqualTo(first + options.RetryFor, "it gave up only once RetryFor had passed");
        attemptsAt[^2].ShouldBeLessThan(first + options.RetryFor, "it did not keep retrying after RetryFor");
        attemptsAt[^1].ShouldBeLessThan(first + options.RetryFor + options.RetryMaxDelay);
        attemptsAt.Count.ShouldBeInRange(fewestAttempts, mostAttempts);
        endpoint.Received.Count.ShouldBe(attemptsAt.Count, "every attempt reached the endpoint");
        message.Attempts.Count.ShouldBe(attemptsAt.Count, "every attempt is in the delivery log");
    }

    // A message for a new agency's endpoint, without its outbox row: only this test's calls deliver it, never the app's worker.
    private async Task<Guid> UndeliveredMessageAsync(string url)
    {
        var agency = await api.CreateAgencyAsync();
        await agency.SaveEndpointAsync(url, WebhookEventTypes.BalanceLow);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var message = await scope.ServiceProvider.GetRequiredService<WebhookEvents>()
            .PublishAsync(AgencyId.From(Guid.Parse(agency.Id)), WebhookEventTypes.BalanceLow, new { balance = 3 }, Ct);
        foreach (var queued in db.ChangeTracker.Entries<OutboxMessage>().ToList())
        {
            queued.State = EntityState.Detached;
        }
        await db.SaveChangesAsync(Ct);
        return message.ShouldNotBeNull().Id;
    }

    private async Task<OutboxOutcome> HandleOnceAsync(Guid messageId, WebhookRetryOptions options, TimeProvider clock)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var handler = ActivatorUtilities.CreateInstance<WebhookMessageHandler>(scope.ServiceProvider, Options.Create(options), clock);
        var lease = OutboxMessage.Create(WebhookMessage.OutboxTopic, "retry-schedule", messageId.ToString(), null, clock.GetUtcNow());
        return await handler.HandleAsync(lease, Ct);
    }

    private async Task<WebhookMessage> MessageAsync(Guid id)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().WebhookMessages.AsNoTracking()
            .Include(m => m.Attempts).SingleAsync(m => m.Id == id, Ct);
    }
}
