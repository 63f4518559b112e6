using System.Globalization;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// How big a storm is. <c>RESELLERKIT_RELIABILITY_OPS</c> operations (default 100 000) from
/// <c>RESELLERKIT_RELIABILITY_CLIENTS</c> concurrent clients (default 32), shuffled by <c>RESELLERKIT_RELIABILITY_SEED</c>
/// (default: a new seed each run, printed with the result so that a failure can be replayed).
/// </summary>
public sealed record StormSize(int Operations, int Clients, int Seed)
{
    public static StormSize FromEnvironment() => new(
        Read("RESELLERKIT_RELIABILITY_OPS") ?? 100_000,
        Read("RESELLERKIT_RELIABILITY_CLIENTS") ?? 32,
        Read("RESELLERKIT_RELIABILITY_SEED") ?? Random.Shared.Next());

    private static int? Read(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;

    public override string ToString() => $"{Operations} operations, {Clients} clients, seed {Seed}";
}
