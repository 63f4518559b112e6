namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>The per-node ledger writer's limits (configuration section <c>Ledger</c>).</summary>
public sealed class LedgerQueueOptions
{
    public const string Section = "Ledger";

    /// <summary>The most money operations (usage events count one each) applied in one database transaction.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Requests that may wait for the writer; past this, callers are told to retry (503 with Retry-After).</summary>
    public int QueueCapacity { get; set; } = 4096;

    /// <summary>What a caller refused because the queue is full, or whose batch failed to commit, is told to wait.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
