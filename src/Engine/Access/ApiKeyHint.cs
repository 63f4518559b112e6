namespace ResellerKit.Engine.Access;

/// <summary>What may be shown of a key after it was issued: its first characters (never the key) and when it was issued.</summary>
public sealed record ApiKeyHint(string Prefix, DateTimeOffset CreatedAt)
{
    public static ApiKeyHint Of(ApiKey key) => new(key.Prefix, key.CreatedAt);
}
