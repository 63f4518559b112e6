using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

public enum UsageStatus
{
    /// <summary>Debited now.</summary>
    Applied,

    /// <summary>The key was applied before (in this batch or an earlier request): nothing moved, and this is its transaction.</summary>
    Duplicate,

    /// <summary>Not debited, for <see cref="UsageResult.Error"/>; nothing moved.</summary>
    Refused,
}

/// <summary>What became of one usage event. <see cref="Credits"/> is signed as the ledger shows it (negative).</summary>
public sealed record UsageResult(UsageStatus Status, TransactionId? TransactionId, long Credits, Error? Error)
{
    public static UsageResult Applied(TransactionId id, long credits) => new(UsageStatus.Applied, id, credits, null);

    public static UsageResult Duplicate(TransactionId id, long credits) => new(UsageStatus.Duplicate, id, credits, null);

    public static UsageResult Refused(Error error) => new(UsageStatus.Refused, null, 0, error);
}
