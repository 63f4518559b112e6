using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Platform;

namespace ResellerKit.Engine.Access;

/// <summary>
/// The version stamp of "who may call the API": a new value whenever an API key is issued, rotated or revoked, or an
/// agency is suspended or reinstated, written in the same SaveChanges as that change (so every node, and the CLI,
/// sees both or neither). <see cref="ApiKeyCache"/> trusts a cached key only while the stamp is unchanged.
/// </summary>
internal sealed class ApiKeyStamp : SaveChangesInterceptor
{
    /// <summary>The setting's key; the Issue14 migration creates the row, so a change only ever updates it.</summary>
    public const string SettingKey = "api_keys_stamp";

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && Touched(db))
        {
            var stamp = await db.Set<PlatformSetting>().FindAsync([SettingKey], cancellationToken);
            if (stamp is null) db.Set<PlatformSetting>().Add(PlatformSetting.Create(SettingKey, NewValue()));
            else stamp.Value = NewValue();
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && Touched(db))
        {
            var stamp = db.Set<PlatformSetting>().Find(SettingKey);
            if (stamp is null) db.Set<PlatformSetting>().Add(PlatformSetting.Create(SettingKey, NewValue()));
            else stamp.Value = NewValue();
        }
        return result;
    }

    private static bool Touched(DbContext db) => db.ChangeTracker.Entries().Any(e =>
        e.Entity is ApiKey && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        || e.Entity is Agency && e.State == EntityState.Modified && e.Property(nameof(Agency.Status)).IsModified);

    private static string NewValue() => Guid.NewGuid().ToString("N");
}
