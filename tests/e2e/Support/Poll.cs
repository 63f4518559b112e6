namespace ResellerKit.Tests.E2e.Support;

/// <summary>Waits for something the running app does in the background (an outbox delivery) to become true.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(200, Ct);
        }
    }
}
