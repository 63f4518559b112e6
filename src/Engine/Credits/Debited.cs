using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>A usage debit in the ledger: its transaction, its signed credits, and whether an earlier call with the same key made it.</summary>
public sealed record Debited(TransactionId Id, long Credits, bool Replayed);
