namespace ResellerKit.Engine.Idempotency;

/// <summary>A request that carried an idempotency key: whose key, the key, and a hash of what was asked.</summary>
public sealed record KeyedRequest(string Scope, string Key, string RequestHash);

/// <summary>
/// What a keyed request came to: the work's value and the reply stored for it (the first time), only the stored reply
/// (a replay), or neither because the key was used before for another request (<see cref="KeyReused"/>).
/// </summary>
public sealed record Keyed<T>(T? Value, StoredReply? Reply, bool KeyReused)
{
    public bool Replayed => Reply is not null && Value is null;
}
