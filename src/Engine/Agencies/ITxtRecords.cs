namespace ResellerKit.Engine.Agencies;

/// <summary>DNS TXT lookups, outside the process: the host resolves them (see the Storefront's DnsTxtRecords).</summary>
public interface ITxtRecords
{
    /// <summary>Every TXT string published at <paramref name="name"/>; empty when there are none or the name does not exist.</summary>
    Task<IReadOnlyList<string>> LookupAsync(string name, CancellationToken ct);
}
