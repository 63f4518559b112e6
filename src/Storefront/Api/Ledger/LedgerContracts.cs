using System.Text.Json;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;

namespace ResellerKit.Storefront.Api.Ledger;

public sealed record GrantRequest(Credits? Credits, string? Reason, string? Reference, DateTimeOffset? ExpiresAt, bool? Promotional)
{
    public GrantCommand ToCommand() => new(Credits ?? default, Reason, Reference, ExpiresAt, Promotional ?? false);
}

public sealed record GrantResponse(TransactionId TransactionId, long Balance);

public sealed record UsageRequest(Credits? Credits, string? Description, string? CampaignId, string? ContactId, JsonElement? Metadata)
{
    public UsageCommand ToCommand() => new(Credits ?? default, Description, CampaignId, ContactId, Metadata);
}

public sealed record UsageResponse(TransactionId TransactionId, long Credits)
{
    public static UsageResponse From(Debited debited) => new(debited.Id, debited.Credits);
}

public sealed record TransactionResponse(
    TransactionId Id, TransactionType Type, long Credits, SubAccountId? SubAccountId, string? CampaignId, string? ContactId,
    string? Description, string? Reference, JsonElement? Metadata, DateTimeOffset CreatedAt)
{
    public static TransactionResponse From(LedgerTransaction t) => new(
        t.Id, t.Type, t.Credits, t.SubAccountId, t.CampaignId, t.ContactId, t.Description, t.Reference,
        t.Metadata is null ? null : JsonDocument.Parse(t.Metadata).RootElement.Clone(), t.CreatedAt);
}
