using System.Text.Json;
using System.Text.Unicode;

namespace ResellerKit.Storefront.Api.Errors;

/// <summary>
/// Reads every JSON body of the API through once, before binding: a string or property name that is not valid UTF-8,
/// or an object that names a property twice, answers 400 <c>validation_failed</c> naming where. Binding alone would
/// skip, unread, every property no route asks for, and let the last of two repeated ones win. A body that is not JSON
/// at all is left to binding, which says where it breaks.
/// </summary>
public static class JsonBodyCheck
{
    // A declared length up to this is allocated at once; a larger one grows as the bytes arrive.
    private const int InitialCapacityLimit = 64 * 1024;

    public static Task RejectMalformed(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        return !request.Path.StartsWithSegments("/api") || !request.HasJsonContentType()
            || !(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
            ? next()
            : CheckAsync(context, next);
    }

    private static async Task CheckAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        // The body is read once, into memory, and stays there as the request's body: binding and the idempotency hash
        // read the same bytes again without a second buffer (Kestrel's size limit applies to this read).
        var body = new MemoryStream(request.ContentLength is > 0 and <= InitialCapacityLimit ? (int)request.ContentLength : 0);
        await request.Body.CopyToAsync(body, context.RequestAborted);
        body.Position = 0;
        request.Body = body;
        if (FirstProblem(body.GetBuffer().AsSpan(0, (int)body.Length)) is var (field, message))
        {
            await Problems.Write(context, 400, "validation_failed", message, new Dictionary<string, string[]> { [field] = [message] });
            return;
        }
        await next();
    }

    /// <summary>The first repeated property or invalid UTF-8 in <paramref name="json"/>, with its path; null when there is none.</summary>
    public static (string Field, string Message)? FirstProblem(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        var frames = new Stack<Frame>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                var path = frames.Count == 0 ? "body" : frames.Peek().PathOf(property);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (!IsValidUtf8(ref reader, out var name))
                        {
                            return (frames.Peek().Path, $"{frames.Peek().Path} has a property name that is not valid UTF-8.");
                        }
                        if (!frames.Peek().Names!.Add(name))
                        {
                            return (frames.Peek().PathOf(name), $"'{name}' appears more than once in {frames.Peek().Path}; send each property once.");
                        }
                        property = name;
                        continue;
                    case JsonTokenType.String when !IsValidUtf8(ref reader, out _):
                        return (path, $"'{path}' is not valid UTF-8 text.");
                    case JsonTokenType.StartObject:
                        frames.Push(new Frame(path, []));
                        break;
                    case JsonTokenType.StartArray:
                        frames.Push(new Frame(path, null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                }
                property = null;
            }
        }
        catch (JsonException)
        {
            return null; // Not JSON: binding answers with the line and position.
        }
        return null;
    }

    private static bool IsValidUtf8(ref Utf8JsonReader reader, out string text)
    {
        text = "";
        if (!reader.ValueIsEscaped)
        {
            if (!Utf8.IsValid(reader.ValueSpan)) return false;
            text = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString()! : "";
            return true;
        }
        try
        {
            text = reader.GetString()!; // Unescaping also refuses lone surrogates such as \ud800.
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // An object (with the names it has used) or an array (with the index of its next item), and where it is.
    private sealed class Frame(string path, HashSet<string>? names)
    {
        private int index;

        public string Path { get; } = path;

        public HashSet<string>? Names { get; } = names;

        public string PathOf(string? property) =>
            Names is null ? $"{Path}[{index++}]"
            : Path == "body" ? property ?? Path
            : $"{Path}.{property}";
    }
}
