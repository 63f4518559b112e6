using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>A grant of credits: how many, why, an optional external reference, and the terms of the lot they form.</summary>
public sealed record GrantCommand(
    Credits Credits, string? Reason, string? Reference = null, DateTimeOffset? ExpiresAt = null, bool Promotional = false)
{
    public FieldErrors Validate(DateTimeOffset now) => new FieldErrors()
        .When(Credits.Units is < 1 or > Credits.MaxPerOperation, "credits",
            $"credits must be a whole number from 1 to {Credits.MaxPerOperationInWords}.")
        .Text("reason", Reason, Input.MaxTextLength)
        .Text("reference", Reference, Input.MaxReferenceLength)
        .When(ExpiresAt <= now, "expiresAt", "expiresAt must be in the future.");

    public TransferDetails Details(AgencyId agencyId, SubAccountId? subAccountId, string? idempotencyKey, string keyScope) =>
        new(agencyId, subAccountId, TransactionType.Grant)
        {
            Description = Reason,
            Reference = Reference,
            IdempotencyKey = idempotencyKey,
            IdempotencyScope = keyScope,
            LotTerms = new LotTerms(ExpiresAt, Promotional),
        };

    /// <summary>What the audit log keeps of a grant that was posted as <paramref name="transactionId"/>.</summary>
    public object Audited(TransactionId transactionId) =>
        new { transactionId, credits = Credits.Units, reason = Reason, reference = Reference, expiresAt = ExpiresAt, promotional = Promotional };
}
