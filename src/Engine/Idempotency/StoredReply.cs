namespace ResellerKit.Engine.Idempotency;

/// <summary>The first answer to a keyed request, as bytes, so that every replay is byte-for-byte the same.</summary>
public sealed record StoredReply(int StatusCode, string? ContentType, string? Location, byte[] Body);
