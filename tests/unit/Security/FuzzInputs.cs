using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ResellerKit.Tests.Unit.Security;

/// <summary>
/// One generated request: what it is (for the failure message), its path and query, and its body.
/// <see cref="MustRefuse"/> marks input that is invalid whatever the route does with it, which must get a 4xx.
/// </summary>
public sealed record FuzzInput(string Name, string PathAndQuery, byte[]? Body, string? ContentType = "application/json")
{
    public bool MustRefuse { get; init; }
}

/// <summary>
/// Bad inputs for one API route, generated from what the route declares: its route parameters, its query
/// parameters and the properties of its JSON body. Wrong types, huge strings, invalid UTF-8, deep nesting, numbers
/// at the limits, empty and mistyped bodies, bad ids and bad query strings. Seeded, so a failure reproduces. Each is
/// marked <see cref="FuzzInput.MustRefuse"/> when no reading of the route could accept it (see FuzzVerdicts.cs).
/// </summary>
public static partial class FuzzInputs
{
    private const int Huge = 1024 * 1024;

    private static readonly string[] LimitNumbers =
        ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "-1", "0", "1e308", "-1e308", "1.5", "1e-320", "\"NaN\"", "\"Infinity\"", "\"-1\""];

    private static readonly string[] WrongTypes = ["\"text\"", "12345", "true", "null", "{}", "[]", "[1,\"a\",null]", "{\"a\":{\"b\":[]}}"];

    // "AA" is a cursor that decodes to a NUL character, which PostgreSQL refuses in text.
    private static readonly string[] BadQueryValues =
        ["not-a-guid", "", "-1", "99999999999999999999", "%FF%FE%00", "a%00b", "AA", "9999-99-99", "'%20OR%201=1--", "%E0%A4%A"];

    public static IEnumerable<FuzzInput> For(RouteEndpoint endpoint, string method, Func<string, string> goodPath, Random random)
    {
        var pattern = endpoint.RoutePattern;
        var path = goodPath(pattern.RawText!.TrimEnd('/'));
        var bodyType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var hasBody = method is "POST" or "PUT" or "PATCH";

        foreach (var (bad, mustRefuse) in BadRoutes(pattern.RawText!, goodPath, random))
        {
            yield return new FuzzInput($"route {bad}", bad, hasBody ? Encoding.UTF8.GetBytes("{}") : null) { MustRefuse = mustRefuse };
        }
        foreach (var name in QueryParameters(endpoint))
        {
            foreach (var value in BadQueryValues.Append(new string('q', 10_000)))
            {
                yield return new FuzzInput($"query {name}={Shorten(value)}", $"{path}?{name}={value}", null);
            }
        }
        yield return new FuzzInput("unknown and repeated query", $"{path}?limit=-1&limit=1e99&cursor=%FF&from=x&to=x&type=%00", null);
        if (!hasBody)
        {
            yield break;
        }

        // A route that declares no body ignores one, so only a route that reads a JSON body must refuse a bad one.
        var readsBody = bodyType is not null;
        var objectBody = IsObjectBody(bodyType);
        var types = PropertyTypes(bodyType);
        var sample = bodyType is null ? new JsonObject() : Sample(bodyType, random, 0) as JsonObject ?? new JsonObject();
        foreach (var property in sample.Select(p => p.Key).ToList())
        {
            var type = types.GetValueOrDefault(property);
            foreach (var value in WrongTypes.Concat(LimitNumbers))
            {
                yield return Json(path, $"{property} = {value}", With(sample, property, value)) with { MustRefuse = type is not null && CannotBind(type, value) };
            }
            var huge = JsonSerializer.Serialize(new string('x', Huge));
            yield return Json(path, $"{property} = text with a NUL", With(sample, property, "\"a\\u0000b\"")) with { MustRefuse = type is not null && CannotBind(type, "\"x\"") };
            yield return Json(path, $"{property} = 1 MB string", With(sample, property, huge)) with { MustRefuse = type is not null && CannotBind(type, "\"x\"") };
            yield return Json(path, $"{property} = deep nesting", With(sample, property, new string('[', 5_000) + new string(']', 5_000))) with { MustRefuse = readsBody };
            yield return new FuzzInput($"{property} = invalid UTF-8", path, InvalidUtf8(sample, property)) { MustRefuse = readsBody };
            yield return Json(path, $"{property} twice", Twice(sample, property)) with { MustRefuse = readsBody };
        }
        yield return Json(path, "valid-looking sample", sample.ToJsonString());
        yield return new FuzzInput("empty body", path, []);
        yield return new FuzzInput("no body", path, null, null);
        foreach (var body in new[] { "null", "[]", "\"text\"", "12" })
        {
            yield return Json(path, $"body {body}", body) with { MustRefuse = objectBody };
        }
        foreach (var body in new[] { "{", "{\"a\":", "}", "{}{}" })
        {
            yield return Json(path, $"body {body}", body) with { MustRefuse = readsBody };
        }
        yield return Json(path, "body \uFEFF{}", "\uFEFF{}");
        yield return Json(path, "body {\"a\":1,\"a\":2}", "{\"a\":1,\"a\":2}");
        yield return Json(path, "deep nesting", string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)) with { MustRefuse = readsBody };
        yield return Json(path, "1 MB garbage", new string('{', Huge)) with { MustRefuse = readsBody };
        yield return new FuzzInput("random bytes", path, RandomBytes(random, 4096)) { MustRefuse = readsBody };
        yield return new FuzzInput("text/plain", path, Encoding.UTF8.GetBytes(sample.ToJsonString()), "text/plain") { MustRefuse = readsBody };
        yield return new FuzzInput("form content type", path, Encoding.UTF8.GetBytes("a=1&b=2"), "application/x-www-form-urlencoded") { MustRefuse = readsBody };
        yield return new FuzzInput("bogus content type", path, Encoding.UTF8.GetBytes("{}"), "application/json; charset=klingon") { MustRefuse = readsBody };
    }

    // Each bad route, and whether it names nothing whatever the route does (every id and number here does; of the
    // theme paths, "templates/x.exe" is a well-formed theme path, so reverting it may succeed).
    private static IEnumerable<(string Path, bool MustRefuse)> BadRoutes(string raw, Func<string, string> goodPath, Random random)
    {
        var trimmed = raw.TrimEnd('/');
        if (trimmed.Contains(":guid}", StringComparison.Ordinal))
        {
            foreach (var id in new[] { "not-a-guid", new Guid(RandomBytes(random, 16)).ToString(), Guid.Empty.ToString(), "00000000-0000-0000-0000-00000000000g", "%FF%FE" })
            {
                yield return (goodPath(GuidParameter().Replace(trimmed, id, 1)), true);
            }
        }
        if (trimmed.Contains(":int}", StringComparison.Ordinal))
        {
            foreach (var n in new[] { "-1", "0", "2147483648", "99999999999999999999", "1e3", "abc" })
            {
                yield return (goodPath(IntParameter().Replace(trimmed, n, 1)), true);
            }
        }
        if (trimmed.Contains("{**", StringComparison.Ordinal))
        {
            foreach (var p in new[] { "../../../etc/passwd", "..%2F..%2Fsecrets", "a%01b.liquid", "%E0%A4%A", new string('p', 5_000) + ".liquid", "templates/x.exe", "./" })
            {
                yield return (goodPath(CatchAllParameter().Replace(trimmed, p, 1)), p != "templates/x.exe");
            }
        }
        if (trimmed.Contains("{currency}", StringComparison.Ordinal))
        {
            foreach (var c in new[] { "US", "usdd", "%01%02%03", "123", new string('u', 1_000) })
            {
                yield return (goodPath(trimmed.Replace("{currency}", c, StringComparison.Ordinal)), true);
            }
        }
    }

    private static string With(JsonObject sample, string property, string rawValue)
    {
        var copy = sample.DeepClone().AsObject();
        copy[property] = "__FUZZ__";
        return copy.ToJsonString().Replace("\"__FUZZ__\"", rawValue, StringComparison.Ordinal);
    }

    // The property written twice with its sample value: a duplicate the API must refuse, whatever the value.
    private static string Twice(JsonObject sample, string property)
    {
        var json = sample.ToJsonString();
        var value = sample[property]?.ToJsonString() ?? "null";
        return json[..^1] + (json.Length > 2 ? "," : "") + JsonSerializer.Serialize(property) + ":" + value + "}";
    }

    private static byte[] InvalidUtf8(JsonObject sample, string property)
    {
        var text = With(sample, property, "\"abc__BAD__def\"");
        var at = text.IndexOf("__BAD__", StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(text[..at]), 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes(text[(at + 7)..])];
    }

    private static FuzzInput Json(string path, string name, string body) => new(name, path, Encoding.UTF8.GetBytes(body));

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Shorten(string value) => value.Length > 40 ? $"{value[..10]}...({value.Length} chars)" : value;

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[A-Za-z]+:guid\}")]
    private static partial System.Text.RegularExpressions.Regex GuidParameter();

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[A-Za-z]+:int\}")]
    private static partial System.Text.RegularExpressions.Regex IntParameter();

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\*\*[A-Za-z]+\}")]
    private static partial System.Text.RegularExpressions.Regex CatchAllParameter();
}
