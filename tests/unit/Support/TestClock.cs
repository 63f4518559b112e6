namespace ResellerKit.Tests.Unit.Support;

/// <summary>A clock the test moves by hand, for expiry and month boundaries.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
