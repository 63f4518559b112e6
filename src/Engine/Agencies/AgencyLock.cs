using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Agencies;

/// <summary>
/// The agency's row locked to the end of the open transaction (a no-op UPDATE, as <see cref="SubAccounts.SubAccountLock"/>
/// takes a sub-account's): what reads the agency's keys and replaces them does so one at a time. Returns the rows
/// locked: 0 when there is no such agency.
/// </summary>
internal static class AgencyLock
{
    public static Task<int> TakeAsync(EngineDbContext db, AgencyId id, CancellationToken ct) =>
        db.Agencies.Where(a => a.Id == id).ExecuteUpdateAsync(set => set.SetProperty(a => a.Name, a => a.Name), ct);
}
