using System.Text.Json.Serialization;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Purchases;

[JsonConverter(typeof(EntityIdJsonConverter<PurchaseId>))]
public readonly record struct PurchaseId(Guid Value) : IEntityId<PurchaseId>
{
    public static PurchaseId New() => new(Guid.CreateVersion7());
    public static PurchaseId From(Guid value) => new(value);
    public static bool TryParse(string? s, out PurchaseId id) => EntityIds.TryParse(s, out id);
    public override string ToString() => Value.ToString();
}
