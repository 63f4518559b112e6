using System.Text.Json.Serialization;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Pricing;

[JsonConverter(typeof(EntityIdJsonConverter<PackId>))]
public readonly record struct PackId(Guid Value) : IEntityId<PackId>
{
    public static PackId New() => new(Guid.CreateVersion7());
    public static PackId From(Guid value) => new(value);
    public static bool TryParse(string? s, out PackId id) => EntityIds.TryParse(s, out id);
    public override string ToString() => Value.ToString();
}
