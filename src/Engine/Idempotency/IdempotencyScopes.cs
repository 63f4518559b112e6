using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Idempotency;

/// <summary>
/// Whose idempotency keys are whose. A key is unique within its scope only: the platform, each agency, and the
/// Engine itself (the keys it derives from Stripe sessions and recharges) never collide, in the API's records and in
/// the ledger alike, so an agency and the platform may both send <c>Idempotency-Key: host-msg-1</c>.
/// </summary>
public static class IdempotencyScopes
{
    public const string Platform = "platform";

    public const string System = "system";

    public static string Agency(AgencyId id) => $"agency:{id}";

    public static string Of(Tenant caller) => caller.AgencyId is { } id ? Agency(id) : Platform;
}
