namespace ResellerKit.Engine.Idempotency;

/// <summary>
/// The first response to a POST that carried an <c>Idempotency-Key</c>, kept so that a retry with the same key and
/// body gets the same answer, and a retry with a different body is refused. Committed in the same transaction as
/// the request's own effects, so the two can never disagree.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
    }

    public long Id { get; private set; }

    /// <summary>Whose key this is: <c>platform</c> or <c>agency:{id}</c>. Two callers may use the same key.</summary>
    public string Scope { get; private set; } = "";

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of the method, path and body.</summary>
    public string RequestHash { get; private set; } = "";

    public int StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public byte[] ResponseBody { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public static IdempotencyRecord Begin(string scope, string key, string requestHash, DateTimeOffset now) => new()
    {
        Scope = scope,
        Key = key,
        RequestHash = requestHash,
        CreatedAt = now,
    };
}
