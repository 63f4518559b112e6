using System.Text.Json;

namespace ResellerKit.Engine.Credits;

/// <summary>The API's names of the transaction types (<c>grant</c>, <c>usage</c>, ...).</summary>
public static class TransactionTypes
{
    public static IReadOnlyList<string> Names { get; } =
        Enum.GetValues<TransactionType>().Select(t => JsonNamingPolicy.SnakeCaseLower.ConvertName(t.ToString())).ToList();

    public static bool TryParse(string name, out TransactionType type)
    {
        var index = Names.ToList().IndexOf(name);
        type = index >= 0 ? Enum.GetValues<TransactionType>()[index] : default;
        return index >= 0;
    }
}
