using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// The transaction an idempotency key already made in its scope: the hash of the request that made it, if the single
/// route did, and otherwise (a batch event's id) what it said besides its credits, when that is known.
/// </summary>
public sealed record FirstUse(
    TransactionId Id, TransactionType Type, SubAccountId? SubAccountId, long Credits, string? RequestHash = null, UsageContent? Content = null);
