using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Platform;
using ResellerKit.Engine.Pricing;

namespace ResellerKit.Engine.Branding;

/// <summary>
/// The one place that notices a change a storefront shows. Whatever writes it (the API, the back office, the CLI),
/// the same SaveChanges gives the agency's <see cref="Agency.StorefrontStamp"/> a new value: branding, name, status
/// (suspension), custom domain, custom-quantity offer, packs and their prices, the published theme's files and
/// settings. A change of the platform's price floor (<see cref="MinimumPrice"/>) renews the platform's stamp
/// (<see cref="SettingKey"/>), which every storefront's pages depend on. Drafts are not published, so they change nothing.
/// Once committed, <see cref="StorefrontChanges"/> tells this node.
/// </summary>
internal sealed class StorefrontStamp(StorefrontChanges changes) : CommitAnnouncer<AgencyId>
{
    /// <summary>The platform-wide stamp's setting; the Issue15Cache migration creates the row, so a change only updates it.</summary>
    public const string SettingKey = "storefront_stamp";

    protected override async ValueTask<IReadOnlyCollection<AgencyId>> Collect(DbContext db, bool async, CancellationToken ct)
    {
        var touched = Touched(db);
        foreach (var agencyId in touched)
        {
            if (agencyId == StorefrontChanges.All)
            {
                var setting = async ? await db.Set<PlatformSetting>().FindAsync([SettingKey], ct) : db.Set<PlatformSetting>().Find(SettingKey);
                if (setting is null) db.Set<PlatformSetting>().Add(PlatformSetting.Create(SettingKey, NewValue().ToString(System.Globalization.CultureInfo.InvariantCulture)));
                else setting.Value = NewValue().ToString(System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }
            var agency = db.Set<Agency>().Local.FirstOrDefault(a => a.Id == agencyId)
                ?? (async ? await db.Set<Agency>().FindAsync([agencyId], ct) : db.Set<Agency>().Find(agencyId));
            if (agency is not null)
            {
                db.Entry(agency).Property(a => a.StorefrontStamp).CurrentValue = NewValue();
            }
        }
        return touched;
    }

    protected override void Announce(IReadOnlyList<AgencyId> committed) => changes.Committed(committed.Distinct().ToList());

    private static List<AgencyId> Touched(DbContext db)
    {
        var touched = new HashSet<AgencyId>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            AgencyId? agency = entry.Entity switch
            {
                Agency a => a.Id,
                CreditPack p => p.AgencyId,
                AgencyTheme t => t.AgencyId,
                ThemeFile f => f.AgencyId,
                MinimumPrice => StorefrontChanges.All,
                _ => null,
            };
            if (agency is { } id)
            {
                touched.Add(id);
            }
        }
        return [.. touched];
    }

    // Any new value will do: the page cache only asks whether the stamp is still the one a page was stored under.
    private static long NewValue() => Random.Shared.NextInt64(1, long.MaxValue);
}
