using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Notifications;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Users;

namespace ResellerKit.Engine.Agencies;

public sealed record CreateAgencyCommand(string? Name, string? Slug, string? OwnerEmail);

public sealed record CreatedAgency(Agency Agency, string ApiKey);

/// <summary>
/// Creates an agency with its wallets, its first API key (returned once, in plain text), and its owner: an existing
/// user joins as owner, a new one is invited by email to set a password.
/// </summary>
public sealed class CreateAgency(EngineDbContext db, UserManager<User> users, Mailer mailer, TimeProvider clock)
{
    public Task<Result<CreatedAgency>> HandleAsync(CreateAgencyCommand command, CancellationToken ct) => CreateAsync(command, house: false, ct);

    /// <summary>
    /// Creates the agency; <paramref name="house"/> makes it the platform's house agency in the same insert (only
    /// <see cref="HouseAgency"/> asks), and only the house may take one of its reserved slugs.
    /// </summary>
    internal async Task<Result<CreatedAgency>> CreateAsync(CreateAgencyCommand command, bool house, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Name("name", command.Name, $"Enter a name of 1 to {Input.MaxNameLength} characters.")
            .When(!Input.IsSlug(command.Slug), "slug", "Use 3 to 40 lower-case letters, digits or hyphens, starting and ending with a letter or digit.")
            .When(!house && command.Slug is { } slug && HouseAgency.Slugs.Contains(slug), "slug", $"The slug '{command.Slug}' is reserved for the platform's own clients; choose another.")
            .When(!Input.IsEmail(command.OwnerEmail), "ownerEmail", "Enter a valid email address, like owner@agency.com.");
        if (errors.Any)
        {
            return errors.ToError();
        }
        if (await db.Agencies.AnyAsync(a => a.Slug == command.Slug, ct))
        {
            return SlugTaken(command.Slug!);
        }

        try
        {
            return await db.InTransactionAsync<CreatedAgency>(async token =>
            {
                var now = clock.GetUtcNow();
                var (agency, wallets) = Agency.Create(command.Name!, command.Slug!, command.OwnerEmail!, now);
                if (house)
                {
                    agency.MakeHouse();
                }
                var (key, plaintext) = ApiKey.Issue(agency.Id, now);
                db.Agencies.Add(agency);
                db.Wallets.AddRange(wallets);
                db.ApiKeys.Add(key);
                await db.SaveChangesAsync(token);
                await AddOwnerAsync(agency, now);
                await db.SaveChangesAsync(token);
                return new CreatedAgency(agency, plaintext);
            }, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return SlugTaken(command.Slug!);
        }
    }

    private async Task AddOwnerAsync(Agency agency, DateTimeOffset now)
    {
        var owner = await users.FindByEmailAsync(agency.OwnerEmail);
        if (owner is null)
        {
            owner = User.Create(agency.OwnerEmail, agency.Name + " owner", now);
            var created = await users.CreateAsync(owner);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Creating the agency owner failed: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
        await users.AddToRoleAsync(owner, Roles.AgencyOwner);
        db.Memberships.Add(Membership.Create(owner.Id, agency.Id, null, MembershipRole.Owner, now));
        var token = await users.GeneratePasswordResetTokenAsync(owner);
        mailer.Send(new EmailRequest(EmailKind.AgencyInvite, agency.OwnerEmail, owner.DisplayName, null)
        {
            ActionPath = $"/admin/accept-invite?user={owner.Id}&token={Uri.EscapeDataString(token)}",
            ExpiresAt = now + User.CredentialLinkLifetime,
        });
    }

    private static DuplicateValue SlugTaken(string slug) =>
        new("slug", $"The slug '{slug}' is already taken by another agency.");
}
