using ResellerKit.Engine.Reports;

namespace ResellerKit.Storefront.Components.SubAccounts;

/// <summary>The "what the client sees" form (posted as <c>ReportsInput.*</c>): one box per report metric.</summary>
public sealed class ClientReportsInput
{
    public bool Usage { get; set; }
    public bool Purchases { get; set; }
    public bool Balance { get; set; }
    public bool Campaigns { get; set; }

    public static ClientReportsInput From(ReportMetrics m) => new()
    {
        Usage = m.HasFlag(ReportMetrics.Usage), Purchases = m.HasFlag(ReportMetrics.Purchases),
        Balance = m.HasFlag(ReportMetrics.Balance), Campaigns = m.HasFlag(ReportMetrics.Campaigns),
    };

    public ReportMetrics ToMetrics() =>
        (Usage ? ReportMetrics.Usage : 0) | (Purchases ? ReportMetrics.Purchases : 0)
        | (Balance ? ReportMetrics.Balance : 0) | (Campaigns ? ReportMetrics.Campaigns : 0);
}
