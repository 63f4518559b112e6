using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Pricing;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Users;

namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// A demo agency with a funded pool and three clients (one on the shared pool, two reselling), so that every page
/// has something to show on first start. Runs once; later starts find it and seed nothing.
/// </summary>
public sealed class DemoSeed(
    EngineDbContext db,
    UserManager<User> users,
    CreateAgency createAgency,
    CreateSubAccount createSubAccount,
    GrantPoolCredits grantPool,
    GrantSubAccountCredits grantSubAccount,
    DebitUsage debitUsage,
    RotateAgencyApiKey rotateKey,
    SetMinimumPrice setMinimum,
    CreatePack createPack,
    SetCustomQuantityOffer customQuantity,
    HouseAgency house,
    TimeProvider clock)
{
    public const string Slug = "demo";
    private const string AgencyName = "Brightside Digital";
    private const string OwnerEmail = "owner@brightside.example";
    private const string ClientEmail = "hello@bluebird-dental.example";
    private const string PlatformAdminEmail = "admin@platform.example";
    private const string DirectClientEmail = "owner@harbor-cafe.example";

    public async Task<DemoCredentials> SeedAsync(CancellationToken ct)
    {
        if (await db.Agencies.AnyAsync(a => a.Slug == Slug, ct))
        {
            return new DemoCredentials(AgencyName, Slug, null, OwnerEmail, null, ClientEmail, null);
        }

        Expect(await setMinimum.HandleAsync("usd", "0.5", "0.4", ct));
        Expect(await setMinimum.HandleAsync("eur", "0.5", "0.4", ct));
        var agency = Expect(await createAgency.HandleAsync(new CreateAgencyCommand(AgencyName, Slug, OwnerEmail), ct));
        var agencyId = agency.Agency.Id;
        foreach (var (name, credits, price, highlight) in new[] { ("Starter", 100L, 1_500L, (string?)null), ("Growth", 500L, 6_000L, "Most popular"), ("Scale", 2_000L, 20_000L, "Best value") })
        {
            Expect(await createPack.HandleAsync(agencyId, new PackCommand(name, credits, price, "usd", highlight), Actor.System, ct));
        }
        Expect(await customQuantity.HandleAsync(agencyId, "12", "usd", 50, 100_000, Actor.System, ct));
        var ownerPassword = await ResetPasswordAsync(OwnerEmail, "Brightside Owner");
        Expect(await grantPool.HandleAsync(agencyId, new GrantCommand(new Credits(10_000), "Opening balance"), Actor.System, null, ct));

        var bakery = Expect(await createSubAccount.HandleAsync(agencyId,
            new CreateSubAccountCommand("Acme Bakery", "orders@acme-bakery.example", CreditMode.Shared), Actor.System, ct));
        var dental = Expect(await createSubAccount.HandleAsync(agencyId,
            new CreateSubAccountCommand("Bluebird Dental", ClientEmail, CreditMode.Reselling), Actor.System, ct));
        var fitness = Expect(await createSubAccount.HandleAsync(agencyId,
            new CreateSubAccountCommand("Cobalt Fitness", "team@cobalt-fitness.example", CreditMode.Reselling), Actor.System, ct));

        var tenant = Tenant.Of(agencyId);
        Expect(await grantSubAccount.HandleAsync(tenant, dental.SubAccount.Id, new GrantCommand(new Credits(500), "Welcome credits", Promotional: true), Actor.System, null, ct));
        Expect(await grantSubAccount.HandleAsync(tenant, fitness.SubAccount.Id, new GrantCommand(new Credits(1_200), "Starter pack"), Actor.System, null, ct));
        foreach (var (account, credits, campaign) in new[]
        {
            (bakery.SubAccount, 120L, "spring-promo"), (bakery.SubAccount, 45L, "newsletter"),
            (dental.SubAccount, 60L, "recall-reminders"), (fitness.SubAccount, 210L, "new-members"),
        })
        {
            Expect(await debitUsage.HandleAsync(tenant, account.Id,
                new UsageCommand(new Credits(credits), "AI replies", campaign), null, ct));
        }

        var adminPassword = await CreatePlatformAdminAsync();
        var direct = await house.EnsureAsync(PlatformAdminEmail, ct);
        var harbor = Expect(await createSubAccount.ClientOwnedAsync(direct.Id,
            new CreateSubAccountCommand("Harbor Cafe", DirectClientEmail, CreditMode.Reselling), Actor.System, ct));

        return new DemoCredentials(AgencyName, Slug, agency.ApiKey, OwnerEmail, ownerPassword, ClientEmail, dental.InitialPassword)
        {
            PlatformAdminEmail = PlatformAdminEmail, PlatformAdminPassword = adminPassword,
            DirectClientEmail = DirectClientEmail, DirectClientPassword = harbor.InitialPassword,
        };
    }

    /// <summary>Issues a new API key and new passwords for the demo agency's owner and client.</summary>
    public async Task<DemoCredentials?> ReissueCredentialsAsync(CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == Slug, ct);
        if (agency is null)
        {
            return null;
        }
        var key = Expect(await rotateKey.HandleAsync(agency.Id, Actor.System, ct));
        return new DemoCredentials(AgencyName, Slug, key, OwnerEmail, await ResetPasswordAsync(OwnerEmail), ClientEmail, await ResetPasswordAsync(ClientEmail))
        {
            PlatformAdminEmail = PlatformAdminEmail, PlatformAdminPassword = await ResetPasswordAsync(PlatformAdminEmail),
            DirectClientEmail = DirectClientEmail, DirectClientPassword = await ResetPasswordAsync(DirectClientEmail),
        };
    }

    private async Task<string> CreatePlatformAdminAsync()
    {
        var password = PasswordGenerator.Generate();
        var admin = User.Create(PlatformAdminEmail, "Platform admin", clock.GetUtcNow());
        admin.EmailConfirmed = true;
        Expect(await users.CreateAsync(admin, password));
        Expect(await users.AddToRoleAsync(admin, Roles.PlatformAdmin));
        return password;
    }

    private async Task<string> ResetPasswordAsync(string email, string? displayName = null)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"The demo user {email} is missing.");
        user.EmailConfirmed = true;
        if (displayName is not null)
        {
            user.DisplayName = displayName;
        }
        var password = PasswordGenerator.Generate();
        Expect(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password));
        return password;
    }

    private static T Expect<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Seeding the demo failed: {result.Error.Detail}");

    private static void Expect(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding the demo failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
