using ResellerKit.Engine.Common;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Tests.Unit.Reliability;

public enum StormKind
{
    Usage,
    PoolGrant,
    Grant,
    Switch,
    Checkout,
    Refund,
}

/// <summary>
/// One storm operation as its client saw it: what it was, on whom, the moments (Stopwatch ticks) just before it was
/// sent and just after it was answered, and how it ended. Whatever it changed committed between the two moments.
/// </summary>
public sealed record StormOperation(StormKind Kind, AgencyId Agency, SubAccountId? SubAccount, long Credits, long Started, long Ended)
{
    /// <summary>The ledger transaction it posted, if any.</summary>
    public TransactionId? Posted { get; init; }

    /// <summary>The error code it was refused with; null when it succeeded.</summary>
    public string? Refused { get; init; }

    /// <summary>The HTTP status, for a call over HTTP.</summary>
    public int? Status { get; init; }

    /// <summary>A mode switch's target.</summary>
    public CreditMode? Mode { get; init; }
}
