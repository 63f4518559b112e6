using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Idempotency;

/// <summary>The key was used before, by the same caller, for a different request.</summary>
public sealed record IdempotencyKeyReused(string Key) : Error("idempotency_key_reused")
{
    public override string Detail => $"The key '{Key}' was already used for a different request. Use a new key for a new request.";
}
