using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>The transaction an idempotency key already made in its scope.</summary>
public sealed record FirstUse(TransactionId Id, TransactionType Type, SubAccountId? SubAccountId, long Credits);
