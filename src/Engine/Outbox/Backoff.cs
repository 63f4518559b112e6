namespace ResellerKit.Engine.Outbox;

/// <summary>
/// Exponential backoff with jitter (each delay is drawn between half and all of its step): about 5 s after the
/// first failure, doubling to a cap of 6 hours, so that 20 attempts span more than three days.
/// </summary>
public static class Backoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Cap = TimeSpan.FromHours(6);

    public static TimeSpan For(int attempt)
    {
        var exponential = First.TotalSeconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var ceiling = Math.Min(exponential, Cap.TotalSeconds);
        return TimeSpan.FromSeconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}
