using System.Text.Json.Serialization;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Embedding;

[JsonConverter(typeof(EntityIdJsonConverter<WidgetSessionId>))]
public readonly record struct WidgetSessionId(Guid Value) : IEntityId<WidgetSessionId>
{
    public static WidgetSessionId New() => new(Guid.CreateVersion7());
    public static WidgetSessionId From(Guid value) => new(value);
    public static bool TryParse(string? s, out WidgetSessionId id) => EntityIds.TryParse(s, out id);
    public override string ToString() => Value.ToString();
}
