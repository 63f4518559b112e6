namespace ResellerKit.Engine.Outbox;

/// <summary>Wakes this node's outbox worker early; other nodes find new rows on their next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Nudge()
    {
        if (semaphore.CurrentCount == 0)
        {
            try { semaphore.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => semaphore.WaitAsync(timeout, ct);
}
