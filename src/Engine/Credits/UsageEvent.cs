using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// One usage debit as a caller sends it: its idempotency key in the caller's scope (a batch event's <c>id</c>, or the
/// single route's <c>Idempotency-Key</c>; null for none), the sub-account, and what was spent. A single route's keyed
/// debit also carries its request's hash, which its transaction keeps as the key's record (<see cref="LedgerTransaction.RequestHash"/>).
/// </summary>
public sealed record UsageEvent(string? Key, SubAccountId SubAccountId, UsageCommand Command, string? RequestHash = null);
