using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// Which generated values are invalid whatever the route does with them, so that the API must refuse them: the API
/// reads JSON strictly (numbers only as numbers, enums only by name, no duplicate properties, valid UTF-8, the
/// default depth limit). A value that may be acceptable (null for an optional field, a string of any content, an
/// empty array) is left out, and then only has to avoid a 5xx.
/// </summary>
public static partial class FuzzInputs
{
    /// <summary>True when <paramref name="rawValue"/> (JSON text) cannot be read as a value of <paramref name="type"/>.</summary>
    private static bool CannotBind(Type type, string rawValue)
    {
        using var document = JsonDocument.Parse(rawValue);
        var value = document.RootElement;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ResellerKit.Engine.Common.Optional<>))
        {
            // A PATCH field: absent, null (clear it) or a value of the inner type.
            return value.ValueKind != JsonValueKind.Null && CannotBind(type.GetGenericArguments()[0], rawValue);
        }
        var nullable = Nullable.GetUnderlyingType(type) is not null || !type.IsValueType;
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return !nullable;
        }
        if (t == typeof(JsonElement) || t == typeof(object) || t.IsAssignableTo(typeof(IDictionary)))
        {
            return t.IsAssignableTo(typeof(IDictionary)) && value.ValueKind != JsonValueKind.Object;
        }
        if (t == typeof(string))
        {
            return value.ValueKind != JsonValueKind.String;
        }
        if (t == typeof(bool))
        {
            return value.ValueKind is not (JsonValueKind.True or JsonValueKind.False);
        }
        if (t.IsEnum || t == typeof(Guid) || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(DateOnly))
        {
            // None of the generated strings is a member name, an id or a date.
            return true;
        }
        if (t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(byte))
        {
            return value.ValueKind != JsonValueKind.Number || !FitsInteger(value, t);
        }
        if (t == typeof(decimal))
        {
            return value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out _);
        }
        if (t == typeof(double) || t == typeof(float))
        {
            return value.ValueKind != JsonValueKind.Number;
        }
        if (t.IsArray || (t.IsAssignableTo(typeof(IEnumerable)) && t.IsGenericType))
        {
            return value.ValueKind != JsonValueKind.Array;
        }
        if (t.IsValueType && t.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static) is not null)
        {
            return value.ValueKind != JsonValueKind.String; // Strongly typed ids travel as strings.
        }
        return t.IsClass && value.ValueKind != JsonValueKind.Object;
    }

    private static bool FitsInteger(JsonElement value, Type t) =>
        t == typeof(long) ? value.TryGetInt64(out _)
        : t == typeof(int) ? value.TryGetInt32(out _)
        : t == typeof(short) ? value.TryGetInt16(out _)
        : value.TryGetByte(out _);

    /// <summary>The CLR type of each property of a body sample, by its JSON name.</summary>
    private static Dictionary<string, Type> PropertyTypes(Type? bodyType) =>
        !IsObjectBody(bodyType)
            ? []
            : bodyType!.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .DistinctBy(p => p.Name).ToDictionary(p => Camel(p.Name), p => p.PropertyType, StringComparer.Ordinal);

    /// <summary>A body type that is a JSON object (a record), not free-form JSON.</summary>
    private static bool IsObjectBody(Type? bodyType) =>
        bodyType is not null && bodyType != typeof(JsonElement) && bodyType != typeof(object) && !bodyType.IsAssignableTo(typeof(IEnumerable));
}
