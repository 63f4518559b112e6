using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ResellerKit.Storefront.Webhooks.Outbound;

namespace ResellerKit.Tests.Unit.Webhooks;

/// <summary>DNS without the network: fixed answers per host (a trailing dot ignored); unknown hosts do not resolve.</summary>
public sealed class StubResolver(Dictionary<string, string[]> answers) : IHostResolver
{
    public ConcurrentQueue<string> Queries { get; } = new();

    /// <summary>Replaces the fixed answers: called with how many times the host was asked before.</summary>
    public Func<string, int, string[]?>? Answer { get; init; }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        var asked = Queries.Count(q => q == host);
        Queries.Enqueue(host);
        var found = Answer?.Invoke(host, asked) ?? answers.GetValueOrDefault(host.TrimEnd('.'));
        return found is null
            ? Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound))
            : Task.FromResult(found.Select(IPAddress.Parse).ToArray());
    }
}
