using System.Net;
using System.Net.Sockets;
using DnsClient;
using Microsoft.Extensions.Options;
using ResellerKit.Engine.Agencies;
using ResellerKit.Storefront.Hosting;

namespace ResellerKit.Storefront.Shop;

/// <summary>
/// TXT lookups for custom-domain verification, through the machine's DNS resolvers or the servers named in
/// <c>ResellerKit:Dns:Servers</c> (<c>host:port</c>, comma-separated). Answers are never cached here, so a record the
/// agency just published is seen as soon as its DNS serves it. A lookup that cannot be made (a name DNS cannot carry,
/// which DnsClient refuses with an <see cref="ArgumentException"/>, or a socket error) finds no record: the domain is
/// not verified, never a 500.
/// </summary>
public sealed class DnsTxtRecords(IOptions<ResellerKitOptions> options, ILogger<DnsTxtRecords> logger) : ITxtRecords
{
    private readonly LookupClient client = Create(options.Value.Dns?.Servers);

    public async Task<IReadOnlyList<string>> LookupAsync(string name, CancellationToken ct)
    {
        try
        {
            var answer = await client.QueryAsync(name, QueryType.TXT, cancellationToken: ct);
            return answer.Answers.TxtRecords().SelectMany(r => r.Text).ToList();
        }
        catch (Exception failure) when (failure is DnsResponseException or ArgumentException or SocketException)
        {
            logger.LogWarning("TXT lookup of {Name} failed: {Reason}", name, failure.Message);
            return [];
        }
    }

    private static LookupClient Create(string? servers)
    {
        var named = (servers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(IPEndPoint.Parse).ToList();
        var lookup = named.Count > 0 ? new LookupClientOptions(named.ToArray()) : new LookupClientOptions();
        lookup.UseCache = false;
        lookup.Timeout = TimeSpan.FromSeconds(3);
        lookup.Retries = 1;
        lookup.ThrowDnsErrors = false;
        return new LookupClient(lookup);
    }
}
