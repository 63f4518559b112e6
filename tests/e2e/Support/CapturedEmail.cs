using System.Text.Json;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>One email maildev captured: its id, ResellerKit's kind header, recipients, subject and both bodies.</summary>
public sealed record CapturedEmail(string Id, string? Kind, IReadOnlyList<string> To, string Subject, string? Text, string? Html)
{
    public static CapturedEmail From(JsonElement email) => new(
        email.GetProperty("id").GetString()!,
        email.TryGetProperty("headers", out var headers) && headers.TryGetProperty("x-email-kind", out var kind) ? kind.GetString() : null,
        email.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString()!.ToLowerInvariant()).ToList(),
        email.GetProperty("subject").GetString() ?? "",
        Body(email, "text"),
        Body(email, "html"));

    public bool IsFor(string to) => To.Contains(to.ToLowerInvariant());

    private static string? Body(JsonElement email, string part) =>
        email.TryGetProperty(part, out var body) && body.ValueKind == JsonValueKind.String ? body.GetString()!.ReplaceLineEndings("\n") : null;
}
