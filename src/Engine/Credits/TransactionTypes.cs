using System.Text.Json;

namespace ResellerKit.Engine.Credits;

/// <summary>The API's names of the transaction types (<c>grant</c>, <c>usage</c>, ...).</summary>
public static class TransactionTypes
{
    public static IReadOnlyList<string> Names { get; } =
        Enum.GetValues<TransactionType>().Select(t => JsonNamingPolicy.SnakeCaseLower.ConvertName(t.ToString())).ToList();

    /// <summary>
    /// The API name of a type. Call it on materialised values only: inside a database query, EF would translate the
    /// enum-to-int cast over the stored type name and every row would come out as the first type.
    /// </summary>
    public static string NameOf(TransactionType type) => Names[(int)type];

    public static bool TryParse(string name, out TransactionType type)
    {
        var index = Names.ToList().IndexOf(name);
        type = index >= 0 ? Enum.GetValues<TransactionType>()[index] : default;
        return index >= 0;
    }
}
