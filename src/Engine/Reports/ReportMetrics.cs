namespace ResellerKit.Engine.Reports;

/// <summary>What the agency lets a client see on its own dashboard; the dashboard shows exactly these.</summary>
[Flags]
public enum ReportMetrics
{
    None = 0,
    Usage = 1,
    Purchases = 2,
    Balance = 4,
    Campaigns = 8,
    All = Usage | Purchases | Balance | Campaigns,
}
