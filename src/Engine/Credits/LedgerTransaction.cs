using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// One movement of credits: two or more entries that sum to zero. Append-only. <see cref="Sequence"/> orders the
/// ledger and pages it; <see cref="Id"/> is what the API shows.
/// </summary>
public sealed class LedgerTransaction
{
    public long Sequence { get; private set; }

    public TransactionId Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public SubAccountId? SubAccountId { get; private set; }

    public TransactionType Type { get; private set; }

    /// <summary>Signed credits as the sub-account (or, for pool grants, the agency) sees them: negative for debits.</summary>
    public long Credits { get; private set; }

    public string? Description { get; private set; }

    public string? Reference { get; private set; }

    /// <summary>Whose key <see cref="IdempotencyKey"/> is (<see cref="Idempotency.IdempotencyScopes"/>): two callers may use the same key.</summary>
    public string? IdempotencyScope { get; private set; }

    public string? IdempotencyKey { get; private set; }

    /// <summary>
    /// For a usage debit the single route applied under an <c>Idempotency-Key</c>: the hash of that HTTP request. The
    /// transaction is then the key's record, written in the same statement as the debit: a retry with the same body
    /// replays it, another body is refused (<see cref="ApplyUsage"/>), and no separate reply is stored.
    /// </summary>
    public string? RequestHash { get; private set; }

    public string? CampaignId { get; private set; }

    public string? ContactId { get; private set; }

    public string? Metadata { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public List<LedgerEntry> Entries { get; private set; } = [];

    internal static LedgerTransaction Create(TransferDetails details, long signedCredits, DateTimeOffset now) => new()
    {
        Id = TransactionId.New(),
        AgencyId = details.AgencyId,
        SubAccountId = details.SubAccountId,
        Type = details.Type,
        Credits = signedCredits,
        Description = details.Description,
        Reference = details.Reference,
        IdempotencyScope = details.IdempotencyKey is null ? null : details.IdempotencyScope ?? Idempotency.IdempotencyScopes.System,
        IdempotencyKey = details.IdempotencyKey,
        RequestHash = details.IdempotencyKey is null ? null : details.RequestHash,
        CampaignId = details.CampaignId,
        ContactId = details.ContactId,
        Metadata = details.Metadata,
        CreatedAt = now,
    };
}
