using System.Text.Json.Nodes;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>
/// Reads Stripe's form encoding (<c>line_items[0][price_data][currency]=usd</c>) into nested JSON, the shape the
/// handlers read parameters from. Values stay strings, as they were sent.
/// </summary>
public static class StripeForm
{
    public static JsonObject Parse(IFormCollection form)
    {
        var root = new JsonObject();
        foreach (var (key, values) in form)
        {
            Set(root, Path(key), values.ToString());
        }
        return root;
    }

    private static List<string> Path(string key)
    {
        var parts = new List<string>();
        var bracket = key.IndexOf('[', StringComparison.Ordinal);
        parts.Add(bracket < 0 ? key : key[..bracket]);
        while (bracket >= 0)
        {
            var close = key.IndexOf(']', bracket);
            if (close < 0) break;
            parts.Add(key[(bracket + 1)..close]);
            bracket = key.IndexOf('[', close);
        }
        return parts;
    }

    private static void Set(JsonNode node, List<string> path, string value)
    {
        for (var i = 0; i < path.Count; i++)
        {
            var last = i == path.Count - 1;
            var nextIsIndex = !last && int.TryParse(path[i + 1], out _);
            if (node is JsonArray array && int.TryParse(path[i], out var index))
            {
                while (array.Count <= index) array.Add(null);
                if (last) { array[index] = value; return; }
                node = array[index] ??= nextIsIndex ? new JsonArray() : new JsonObject();
            }
            else if (node is JsonObject obj)
            {
                if (last) { obj[path[i]] = value; return; }
                node = obj[path[i]] ??= nextIsIndex ? new JsonArray() : new JsonObject();
            }
            else
            {
                return; // A malformed key (index into an object, say): ignore it, as a lenient server would.
            }
        }
    }
}
