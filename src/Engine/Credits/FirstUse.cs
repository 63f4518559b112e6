using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>The transaction an idempotency key already made in its scope, and the hash of the request that made it, if the single route did.</summary>
public sealed record FirstUse(TransactionId Id, TransactionType Type, SubAccountId? SubAccountId, long Credits, string? RequestHash = null);
