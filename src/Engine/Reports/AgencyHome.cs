using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Team;
using ResellerKit.Engine.Users;

namespace ResellerKit.Engine.Reports;

/// <summary>
/// The agency dashboard for one person: their seat on the team is read here, and only the figures of the areas it
/// opens are computed and returned, whichever front end asks.
/// </summary>
public sealed class AgencyHome(EngineDbContext db, DashboardQueries dashboards)
{
    public async Task<Result<AgencyHomeView>> HandleAsync(AgencyId agencyId, Guid userId, ReportPeriod period, CancellationToken ct)
    {
        var seat = await TeamSeat.FindAsync(db, agencyId, userId, ct);
        if (seat is null)
        {
            return new NotFound("agency");
        }
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
            .Select(a => new
            {
                Name = a.Branding.DisplayName ?? a.Name,
                Pool = db.Wallets.Where(w => w.Id == a.PoolWalletId).Select(w => w.Balance).Single(),
                SubAccounts = db.SubAccounts.Count(s => s.AgencyId == a.Id),
            })
            .SingleAsync(ct);
        var dashboard = seat.Opens(Areas.Credits) || seat.Opens(Areas.Reports) ? await dashboards.AgencyAsync(agencyId, period, ct) : null;
        return AgencyHomeView.For(seat, agency.Name, agency.Pool, agency.SubAccounts, dashboard);
    }
}
