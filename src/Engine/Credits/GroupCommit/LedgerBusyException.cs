namespace ResellerKit.Engine.Credits.GroupCommit;

/// <summary>
/// Infrastructure, not a refusal: the ledger could not take the operation now (its queue is full, or the batch it was
/// in failed to commit, so nothing of it was applied). The caller may retry after <see cref="RetryAfter"/>; with the
/// same idempotency key a retry can never apply twice.
/// </summary>
public sealed class LedgerBusyException(string message, TimeSpan retryAfter, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
