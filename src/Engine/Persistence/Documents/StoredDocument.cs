namespace ResellerKit.Engine.Persistence.Documents;

/// <summary>
/// A JSON document in a named collection. Infrastructure for components that keep foreign-shaped state, such as the
/// built-in Stripe sandbox's sessions, payment intents and events. Never used for tenant data.
/// </summary>
public sealed class StoredDocument
{
    private StoredDocument()
    {
    }

    public string Collection { get; private set; } = "";

    public string Id { get; private set; } = "";

    /// <summary>A secondary key to look documents up by (an account, a payment intent).</summary>
    public string? Partition { get; private set; }

    public string Json { get; set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static StoredDocument Create(string collection, string id, string? partition, string json, DateTimeOffset now) =>
        new() { Collection = collection, Id = id, Partition = partition, Json = json, CreatedAt = now };
}
