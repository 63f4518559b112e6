namespace ResellerKit.Tests.Unit.Support;

/// <summary>
/// The real clock, moved forward by hand: for a whole app in a test (its workers, leases and timers keep running on
/// real time) when a test needs tomorrow. It only ever moves forward.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, by.Ticks);
    }
}
