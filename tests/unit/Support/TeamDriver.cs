using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Users;

namespace ResellerKit.Tests.Unit.Support;

public sealed record TeamPerson(Guid UserId, string Email, string Password);

/// <summary>People on an agency's team with a role and areas, and what the database says of them afterwards.</summary>
public static class TeamDriver
{
    private const string Password = "Team-Member-Pass-1234";

    /// <summary>Someone who already accepted an invitation: a confirmed user with a password and a seat on the team.</summary>
    public static async Task<TeamPerson> AddTeamMemberAsync(this ApiFixture api, TestAgency agency, MembershipRole role, Areas areas = Areas.All)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + $"@{agency.Slug}.example";
        var user = User.Create(email, $"{role} {email[..8]}", DateTimeOffset.UtcNow);
        user.EmailConfirmed = true;
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        db.Memberships.Add(Membership.Create(user.Id, AgencyOf(agency), null, role, DateTimeOffset.UtcNow, areas));
        await db.SaveChangesAsync(Ct);
        return new TeamPerson(user.Id, email, Password);
    }

    public static async Task<Guid> OwnerIdAsync(this ApiFixture api, TestAgency agency)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync($"owner@{agency.Slug}.example"))!.Id;
    }

    public static async Task<MembershipRole?> RoleOfAsync(this ApiFixture api, TestAgency agency, Guid userId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var agencyId = AgencyOf(agency);
        return await db.Memberships.Where(m => m.AgencyId == agencyId && m.UserId == userId && m.SubAccountId == null)
            .Select(m => (MembershipRole?)m.Role).SingleOrDefaultAsync(Ct);
    }

    private static AgencyId AgencyOf(TestAgency agency) => AgencyId.From(Guid.Parse(agency.Id));
}
