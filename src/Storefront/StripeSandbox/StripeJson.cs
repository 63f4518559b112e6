using System.Text.Json.Nodes;

namespace ResellerKit.Storefront.StripeSandbox;

/// <summary>Answers in Stripe's wire format: the object as JSON, or <c>{ "error": { type, message, param } }</c>.</summary>
public static class StripeJson
{
    public static IResult Object(JsonObject document, int status = 200) =>
        Results.Text(Public(document).ToJsonString(), "application/json", statusCode: status);

    public static IResult Error(int status, string message, string? param = null, string type = "invalid_request_error", string? code = null)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (param is not null) error["param"] = param;
        if (code is not null) error["code"] = code;
        return Results.Text(new JsonObject { ["error"] = error }.ToJsonString(), "application/json", statusCode: status);
    }

    /// <summary>
    /// One page of a list in Stripe's shape, newest first: the documents after <paramref name="startingAfter"/> (by id),
    /// at most <paramref name="take"/> of them, and whether more follow.
    /// </summary>
    public static IResult List(string url, IEnumerable<JsonObject> newestFirst, string? startingAfter, int take)
    {
        var page = string.IsNullOrEmpty(startingAfter) ? newestFirst : newestFirst.SkipWhile(d => d.Text("id") != startingAfter).Skip(1);
        var list = page.Take(take + 1).ToList();
        return Object(new JsonObject
        {
            ["object"] = "list",
            ["url"] = url,
            ["has_more"] = list.Count > take,
            ["data"] = new JsonArray(list.Take(take).Select(d => (JsonNode)Public(d)).ToArray()),
        });
    }

    public static IResult NoAccount() => Error(400, "Send the connected account in the Stripe-Account header.", "Stripe-Account");

    public static IResult NotFound(string kind, string id) => Error(404, $"No such {kind}: '{id}'", "id", code: "resource_missing");

    /// <summary>The document without the sandbox's private notes (kept under <c>_sandbox</c>).</summary>
    public static JsonObject Public(JsonObject document)
    {
        var copy = document.DeepClone().AsObject();
        copy.Remove("_sandbox");
        return copy;
    }

    public static string? Text(this JsonObject node, string name) => node[name]?.GetValue<string>();

    public static long? Number(this JsonObject node, string name) =>
        node[name] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<long>(out var n) => n,
            JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, out var parsed) => parsed,
            _ => null,
        };

    public static JsonObject Metadata(JsonObject? form) =>
        form is null ? new JsonObject() : form.DeepClone().AsObject();
}
