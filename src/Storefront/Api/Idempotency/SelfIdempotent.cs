namespace ResellerKit.Storefront.Api.Idempotency;

/// <summary>
/// Marks a POST that keeps its own Idempotency-Key record because it calls Stripe: holding a database transaction
/// across that call (as <see cref="IdempotencyFilter"/> does) would block the sandbox and stall other writers.
/// </summary>
public sealed class SelfIdempotent;
