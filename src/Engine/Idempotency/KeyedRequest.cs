namespace ResellerKit.Engine.Idempotency;

/// <summary>A request that carried an idempotency key: whose key, the key, and a hash of what was asked.</summary>
public sealed record KeyedRequest(string Scope, string Key, string RequestHash);

/// <summary>
/// What a keyed request came to: the work's value and the reply stored for it (the first time), only the stored reply
/// (<see cref="Replayed"/>), or neither because the key was used before for another request (<see cref="KeyReused"/>).
/// </summary>
public sealed record Keyed<T>(T? Value, StoredReply? Reply, bool Replayed, bool KeyReused)
{
    public static Keyed<T> Fresh(T value, StoredReply reply) => new(value, reply, false, false);

    public static Keyed<T> Replay(StoredReply reply) => new(default, reply, true, false);

    public static Keyed<T> Reused() => new(default, null, false, true);
}
