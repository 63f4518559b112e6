using ResellerKit.Engine.Team;
using ResellerKit.Engine.Users;

namespace ResellerKit.Engine.Reports;

/// <summary>
/// The agency's dashboard as one team member may see it. Each figure belongs to an area, and is null for a role that
/// does not open it: the pool and the money (sales, platform fee) to Credits, how many clients to Sub-accounts, and
/// usage (the total, the trend, and who used the most) to Reports.
/// </summary>
public sealed record AgencyHomeView(
    string AgencyName,
    long? PoolBalance,
    int? SubAccountCount,
    IReadOnlyList<Revenue>? Revenue,
    long? UsedCredits,
    IReadOnlyList<UsagePoint>? Series,
    IReadOnlyList<SubAccountUsage>? Ranking,
    bool SeesSubAccounts)
{
    public bool IsEmpty => PoolBalance is null && SubAccountCount is null && Revenue is null && UsedCredits is null;

    public static AgencyHomeView For(TeamSeat seat, string name, long pool, int subAccounts, AgencyDashboard? dashboard) => new(
        name,
        seat.Opens(Areas.Credits) ? pool : null,
        seat.Opens(Areas.SubAccounts) ? subAccounts : null,
        seat.Opens(Areas.Credits) ? dashboard?.Revenue : null,
        seat.Opens(Areas.Reports) ? dashboard?.UsedCredits : null,
        seat.Opens(Areas.Reports) ? dashboard?.Series : null,
        seat.Opens(Areas.Reports) ? dashboard?.Ranking : null,
        seat.Opens(Areas.SubAccounts));
}
