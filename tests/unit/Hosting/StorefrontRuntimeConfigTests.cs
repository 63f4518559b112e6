using System.Text.Json;

namespace ResellerKit.Tests.Unit.Hosting;

/// <summary>
/// The runtime settings the Storefront ships in its runtimeconfig.json (built from Storefront.csproj, copied beside the
/// tests): they hold for every node, whatever environment it is started in.
/// </summary>
public sealed class StorefrontRuntimeConfigTests
{
    [Fact]
    public void ConfigProperties_ThreadPoolSpinLimit_IsZero()
    {
        // Idle thread-pool workers sleep at once rather than spin for work: under the usage figures the spinning took
        // 7-12% of the node's CPU away from the ledger writer and the requests (bench/HISTORY.md, P1).
        var file = Path.Combine(AppContext.BaseDirectory, "ResellerKit.Storefront.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(file));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.TryGetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", out var limit).ShouldBeTrue();
        limit.GetInt32().ShouldBe(0);
    }
}
