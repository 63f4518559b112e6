using System.Text.Json.Serialization;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Recharges;

/// <summary>A recharge's id: what the agency's server sends back as the grant's <c>reference</c> and <c>Idempotency-Key</c>.</summary>
[JsonConverter(typeof(EntityIdJsonConverter<RechargeId>))]
public readonly record struct RechargeId(Guid Value) : IEntityId<RechargeId>
{
    public static RechargeId New() => new(Guid.CreateVersion7());
    public static RechargeId From(Guid value) => new(value);
    public static bool TryParse(string? s, out RechargeId id) => EntityIds.TryParse(s, out id);
    public override string ToString() => Value.ToString();
}
