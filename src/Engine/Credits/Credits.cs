using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// A whole number of credits. Amounts a caller asks to move are bounded by <see cref="MaxPerOperation"/>, and a
/// wallet never holds more than <see cref="MaxBalance"/>, so no arithmetic on balances can overflow.
/// </summary>
[JsonConverter(typeof(CreditsJsonConverter))]
public readonly record struct Credits(long Units) : IComparable<Credits>
{
    public const long MaxPerOperation = 1_000_000_000_000;
    public const long MaxBalance = 1_000_000_000_000_000;

    /// <summary><see cref="MaxPerOperation"/> as every message writes it, grouped: "1,000,000,000,000".</summary>
    public static string MaxPerOperationInWords { get; } = MaxPerOperation.ToString("N0", CultureInfo.InvariantCulture);

    public static Credits Zero => default;

    public bool IsPositive => Units > 0;

    public static Credits operator +(Credits a, Credits b) => new(checked(a.Units + b.Units));
    public static Credits operator -(Credits a, Credits b) => new(checked(a.Units - b.Units));
    public static Credits operator -(Credits a) => new(checked(-a.Units));
    public static bool operator <(Credits a, Credits b) => a.Units < b.Units;
    public static bool operator >(Credits a, Credits b) => a.Units > b.Units;
    public static bool operator <=(Credits a, Credits b) => a.Units <= b.Units;
    public static bool operator >=(Credits a, Credits b) => a.Units >= b.Units;

    public static Credits Min(Credits a, Credits b) => a <= b ? a : b;

    public int CompareTo(Credits other) => Units.CompareTo(other.Units);

    public override string ToString() => Units.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Credits travel as a plain JSON integer; anything else (a string, a fraction, beyond 64 bits) is rejected.</summary>
public sealed class CreditsJsonConverter : JsonConverter<Credits>
{
    public override Credits Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var units)
            ? new Credits(units)
            : throw new JsonException("The JSON value could not be converted to credits: use a whole number.");

    public override void Write(Utf8JsonWriter writer, Credits value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Units);
}
