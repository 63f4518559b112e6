using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>What a ledger transaction records besides its entries.</summary>
public sealed record TransferDetails(AgencyId AgencyId, SubAccountId? SubAccountId, TransactionType Type)
{
    public string? Description { get; init; }

    public string? Reference { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>Whose key it is; keys the Engine makes itself (<c>checkout:…</c>, <c>recharge:…</c>) default to the system's scope.</summary>
    public string? IdempotencyScope { get; init; }

    /// <summary>The hash of the HTTP request that carried <see cref="IdempotencyKey"/>, when the transaction is that key's record (<see cref="LedgerTransaction.RequestHash"/>).</summary>
    public string? RequestHash { get; init; }

    public string? CampaignId { get; init; }

    public string? ContactId { get; init; }

    public string? Metadata { get; init; }

    /// <summary>When it happened; defaults to now. Set it when the caller already acted on a clock reading.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>
    /// The grant whose lots a withdrawal burns first, before the usual <see cref="LotOrder"/>: a refund takes back the
    /// credits its purchase bought, and a purchase that repays a debt pays it from its own credits.
    /// </summary>
    public TransactionId? FirstFrom { get; init; }

    /// <summary>The terms of the lot the credits form when they land in a pool or sub-account wallet.</summary>
    public LotTerms LotTerms { get; init; } = LotTerms.Paid;
}
