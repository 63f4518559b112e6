using ResellerKit.Storefront.Webhooks.Sending;

namespace ResellerKit.Tests.Unit.Webhooks;

/// <summary>The retry schedule of agency webhooks: exponential with jitter, capped, Retry-After first, at least three days.</summary>
public sealed class WebhookRetryScheduleTests
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

    [Fact]
    public void Schedule_WithTheDefaults_KeepsRetryingForMoreThanThreeDays()
    {
        // The handler's rule: after a failed attempt at t, retry unless t is already past the first attempt + RetryFor.
        var t = TimeSpan.Zero;
        var attempts = 1;
        while (t < Defaults.RetryFor)
        {
            t += WebhookRetrySchedule.Next(attempts, Defaults);
            attempts++;
        }

        t.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(3));
        t.ShouldBeLessThan(TimeSpan.FromDays(3) + Defaults.RetryMaxDelay);
        attempts.ShouldBeInRange(20, 40);
    }
}
