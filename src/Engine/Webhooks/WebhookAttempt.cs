using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Webhooks;

/// <summary>One delivery attempt, for the delivery log: when, what came back, how long it took, and the start of the body.</summary>
public sealed class WebhookAttempt
{
    private WebhookAttempt()
    {
    }

    public long Id { get; private set; }

    public long MessageNumber { get; private set; }

    public int Attempt { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>delivered, retry, gone or refused.</summary>
    public string Outcome { get; private set; } = "";

    public int? StatusCode { get; private set; }

    public int DurationMs { get; private set; }

    public string Detail { get; private set; } = "";

    public string? ResponseSnippet { get; private set; }

    public const int MaxSnippet = 1024;

    public static WebhookAttempt Record(
        long messageNumber, int attempt, DateTimeOffset at, string outcome, int? statusCode, TimeSpan duration, string detail, string? snippet) => new()
    {
        MessageNumber = messageNumber,
        Attempt = attempt,
        At = at,
        Outcome = outcome,
        StatusCode = statusCode,
        DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds),
        Detail = Clip.To(500, detail),
        ResponseSnippet = snippet is { Length: > MaxSnippet } ? snippet[..MaxSnippet] : snippet,
    };
}
