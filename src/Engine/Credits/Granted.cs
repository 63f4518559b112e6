using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>The ledger transaction a grant posted, and the receiving wallet's balance after it.</summary>
public sealed record Granted(TransactionId TransactionId, long Balance);
