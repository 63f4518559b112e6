using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResellerKit.Engine.Common;

public static class EntityIds
{
    public static bool TryParse<TId>(string? s, out TId id) where TId : struct, IEntityId<TId>
    {
        if (Guid.TryParse(s, out var guid))
        {
            id = TId.From(guid);
            return true;
        }
        id = default;
        return false;
    }
}

/// <summary>Writes a strongly typed id as its plain GUID string, and reads it back.</summary>
public sealed class EntityIdJsonConverter<TId> : JsonConverter<TId> where TId : struct, IEntityId<TId>
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out var guid)
            ? TId.From(guid)
            : throw new JsonException("The JSON value could not be converted to an id: use the id string this API returned.");

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
