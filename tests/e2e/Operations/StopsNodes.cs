using ResellerKit.Tests.E2e.Support;

namespace ResellerKit.Tests.E2e.Operations;

/// <summary>Stops the storm's nodes, whatever the test's outcome.</summary>
// Keeps each node's console (warnings and errors) in test-results, so that a failed run can be read afterwards.
internal sealed class StopsNodes(Node[] nodes) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes.Where(n => n.Process is not null))
        {
            await File.WriteAllLinesAsync(Path.Combine(Repository.Artifacts("test-results"), $"three-node-{node.Port}.log"), node.Process!.Output);
        }
        await Task.WhenAll(nodes.Where(n => n.Process is not null).Select(n => n.Process!.DisposeAsync().AsTask()));
    }
}
