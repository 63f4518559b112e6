using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ResellerKit.Storefront.Api.Errors;

/// <summary>
/// Free-form JSON (usage metadata, campaign settings, theme settings) binds to <see cref="JsonElement"/> and
/// <see cref="JsonObject"/>, which defer reading their contents: invalid UTF-8 in a string or a repeated property
/// would only surface later, as a 500 where the handler reads them. These converters read each value through once
/// while binding, so that the caller gets a 400 <c>validation_failed</c> instead.
/// </summary>
public sealed class CheckedJsonConverter<T>(JsonConverter<T> builtIn, Action<T> readThrough) : JsonConverter<T>
{
    public static void AddTo(JsonSerializerOptions options)
    {
        // A JsonObject builds its dictionary (and finds repeated properties) on first use, such as Count.
        options.Converters.Add(new CheckedJsonConverter<JsonElement>(JsonMetadataServices.JsonElementConverter, e => e.GetRawText()));
        options.Converters.Add(new CheckedJsonConverter<JsonObject?>(JsonMetadataServices.JsonObjectConverter, o => _ = o?.Count));
    }

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            var value = builtIn.Read(ref reader, typeToConvert, options);
            readThrough(value!);
            return value;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new JsonException("The value repeats a property or is not valid UTF-8.", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => builtIn.Write(writer, value, options);
}
