namespace ResellerKit.Engine.Reports;

/// <summary>How far into the ledger the rollups reach: every transaction up to <see cref="LastSequence"/> is counted.</summary>
public sealed class RollupWatermark
{
    public const string Ledger = "ledger";

    private RollupWatermark()
    {
    }

    public string Name { get; private set; } = Ledger;

    public long LastSequence { get; private set; }

    public static RollupWatermark Start() => new();
}
