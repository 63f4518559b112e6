using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Platform;

namespace ResellerKit.Engine.Users;

/// <summary>
/// The platform's rule on two-step sign-in (an authenticator app's code after the password): anyone may turn it on, and
/// the platform may require it of the people who hold the money, its platform admins and every agency's owners.
/// </summary>
public sealed class TwoFactorPolicy(EngineDbContext db, UserManager<User> users)
{
    public const string SettingKey = "two_factor.required_for_owners";

    public Task<bool> IsRequiredAsync(CancellationToken ct) =>
        db.PlatformSettings.AsNoTracking().AnyAsync(s => s.Key == SettingKey && s.Value == "true", ct);

    public async Task SetRequiredAsync(bool required, CancellationToken ct)
    {
        var setting = await db.PlatformSettings.SingleOrDefaultAsync(s => s.Key == SettingKey, ct);
        if (setting is null)
        {
            db.PlatformSettings.Add(PlatformSetting.Create(SettingKey, required ? "true" : "false"));
        }
        else
        {
            setting.Value = required ? "true" : "false";
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>True when the rule covers <paramref name="user"/>: a platform admin, or an owner of an agency.</summary>
    public async Task<bool> CoversAsync(User user, CancellationToken ct) =>
        await users.IsInRoleAsync(user, Roles.PlatformAdmin)
        || await db.Memberships.AsNoTracking().AnyAsync(m => m.UserId == user.Id && m.SubAccountId == null && m.Role == MembershipRole.Owner, ct);

    /// <summary>True when <paramref name="user"/> must set up two-step sign-in before anything else in the back office.</summary>
    public async Task<bool> MustEnrolAsync(User user, CancellationToken ct) =>
        !user.TwoFactorEnabled && await IsRequiredAsync(ct) && await CoversAsync(user, ct);
}
