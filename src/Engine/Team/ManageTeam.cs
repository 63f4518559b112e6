using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Audit;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Users;

namespace ResellerKit.Engine.Team;

/// <summary>
/// An agency's team: invite people by email (they set their own password from the link), give each a role and the
/// areas it opens, and remove them. <see cref="TeamRules"/> decides who may do what, from the seat of the person
/// acting (<c>by</c>), read here: only an owner touches the owner role, and an agency always keeps an owner.
/// </summary>
public sealed class ManageTeam(EngineDbContext db, UserManager<User> users, Mailer mailer, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<TeamMember>>> ListAsync(AgencyId agencyId, Guid by, CancellationToken ct)
    {
        if (await TeamSeat.FindAsync(db, agencyId, by, ct) is not { IsManager: true })
        {
            return new ManagersOnly();
        }
        return await db.Memberships.AsNoTracking().Where(m => m.AgencyId == agencyId && m.SubAccountId == null)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderBy(x => x.u.Email)
            .Select(x => new TeamMember(x.u.Id, x.u.DisplayName, x.u.Email!, x.m.Role, x.m.Areas, x.u.EmailConfirmed))
            .ToListAsync(ct);
    }

    public async Task<Result<TeamMember>> InviteAsync(
        AgencyId agencyId, Guid by, string? email, string? name, MembershipRole role, Areas areas, Actor actor, CancellationToken ct)
    {
        if (RoleChoice.Check(role, areas) is { } invalid)
        {
            return invalid;
        }
        if (TeamRules.MayGrant(await TeamSeat.FindAsync(db, agencyId, by, ct), role) is { } refused)
        {
            return refused;
        }
        var errors = new FieldErrors()
            .When(!Input.IsEmail(email), "email", "Enter a valid email address, like sam@youragency.com.")
            .Name("name", name, !Input.HasVisibleCharacter(name) ? "Enter the person's name." : $"Use at most {Input.MaxNameLength} characters for the name.");
        if (errors.Any)
        {
            return errors.ToError();
        }
        var normalized = Input.NormalizeEmail(email!);
        var user = await users.FindByEmailAsync(normalized);
        if (user is not null && await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.AgencyId == agencyId && m.SubAccountId == null, ct))
        {
            return new DuplicateValue("email", $"{normalized} is already on your team.");
        }
        return await db.InTransactionAsync<TeamMember>(async token =>
        {
            var now = clock.GetUtcNow();
            if (user is null)
            {
                user = User.Create(normalized, name!.Trim(), now);
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    return ValidationFailed.For("email", string.Join(" ", created.Errors.Select(e => e.Description)));
                }
            }
            await users.AddToRoleAsync(user, RoleFor(role));
            var membership = Membership.Create(user.Id, agencyId, null, role, now, areas);
            db.Memberships.Add(membership);
            var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, token);
            var resetToken = await users.GeneratePasswordResetTokenAsync(user);
            mailer.Send(new EmailRequest(EmailKind.AgencyInvite, normalized, user.DisplayName, agencyId)
            {
                OtherParty = actor.IsPerson ? actor.Name : null,
                ActionPath = $"/admin/accept-invite?user={user.Id}&token={Uri.EscapeDataString(resetToken)}",
                ExpiresAt = now + User.CredentialLinkLifetime,
            });
            db.AuditEvents.Add(AuditEvent.Record(actor, "team.invited", agencyId, null, new { email = normalized, role = role.ToString() }, now));
            await db.SaveChangesAsync(token);
            return new TeamMember(user.Id, user.DisplayName, normalized, membership.Role, membership.Areas, user.EmailConfirmed);
        }, ct);
    }

    public Task<Result<TeamMember>> ChangeAsync(
        AgencyId agencyId, Guid by, Guid userId, MembershipRole role, Areas areas, Actor actor, CancellationToken ct) =>
        RoleChoice.Check(role, areas) is { } invalid ? Task.FromResult<Result<TeamMember>>(invalid) : db.InTransactionAsync<TeamMember>(async token =>
        {
            var membership = await LockedMembershipAsync(agencyId, userId, token);
            if (membership is null)
            {
                return new NotFound("team member");
            }
            var seat = await TeamSeat.FindAsync(db, agencyId, by, token);
            if (TeamRules.MayChange(seat, membership.Role, role, await OwnersAsync(agencyId, token)) is { } refused)
            {
                return refused;
            }
            membership.Change(role, areas);
            var user = await users.FindByIdAsync(userId.ToString());
            await users.AddToRoleAsync(user!, RoleFor(role));
            db.AuditEvents.Add(AuditEvent.Record(actor, "team.changed", agencyId, null,
                new { user = user!.Email, role = role.ToString(), areas = membership.Areas.ToString() }, clock.GetUtcNow()));
            await db.SaveChangesAsync(token);
            return new TeamMember(userId, user.DisplayName, user.Email!, membership.Role, membership.Areas, user.EmailConfirmed);
        }, ct);

    public Task<Result<Done>> RemoveAsync(AgencyId agencyId, Guid by, Guid userId, Actor actor, CancellationToken ct) =>
        db.InTransactionAsync<Done>(async token =>
        {
            var membership = await LockedMembershipAsync(agencyId, userId, token);
            if (membership is null)
            {
                return new NotFound("team member");
            }
            var seat = await TeamSeat.FindAsync(db, agencyId, by, token);
            if (TeamRules.MayRemove(seat, membership.Role, await OwnersAsync(agencyId, token)) is { } refused)
            {
                return refused;
            }
            db.Memberships.Remove(membership);
            db.AuditEvents.Add(AuditEvent.Record(actor, "team.removed", agencyId, null, new { userId }, clock.GetUtcNow()));
            await db.SaveChangesAsync(token);
            return Done.Value;
        }, ct);

    public static string RoleFor(MembershipRole role) => role switch
    {
        MembershipRole.Owner => Roles.AgencyOwner,
        MembershipRole.Admin => Roles.AgencyAdmin,
        _ => Roles.AgencyMember,
    };

    // Touching the agency row first makes concurrent team changes of one agency wait for each other, so two owners
    // demoting each other at once cannot both pass the owner count.
    private async Task<Membership?> LockedMembershipAsync(AgencyId agencyId, Guid userId, CancellationToken ct)
    {
        await db.Agencies.Where(a => a.Id == agencyId).ExecuteUpdateAsync(set => set.SetProperty(a => a.Name, a => a.Name), ct);
        return await db.Memberships.SingleOrDefaultAsync(m => m.UserId == userId && m.AgencyId == agencyId && m.SubAccountId == null, ct);
    }

    private Task<int> OwnersAsync(AgencyId agencyId, CancellationToken ct) =>
        db.Memberships.CountAsync(m => m.AgencyId == agencyId && m.SubAccountId == null && m.Role == MembershipRole.Owner, ct);
}
