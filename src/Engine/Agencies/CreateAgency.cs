using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Agencies;

public sealed record CreateAgencyCommand(string? Name, string? Slug, string? OwnerEmail);

public sealed record CreatedAgency(Agency Agency, string ApiKey);

/// <summary>Creates an agency with its wallets and its first API key (returned once, in plain text).</summary>
public sealed class CreateAgency(EngineDbContext db, TimeProvider clock)
{
    public async Task<Result<CreatedAgency>> HandleAsync(CreateAgencyCommand command, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .When(!Input.IsName(command.Name), "name", $"Enter a name of 1 to {Input.MaxNameLength} characters.")
            .When(!Input.IsSlug(command.Slug), "slug", "Use 3 to 40 lower-case letters, digits or hyphens, starting and ending with a letter or digit.")
            .When(!Input.IsEmail(command.OwnerEmail), "ownerEmail", "Enter a valid email address, like owner@agency.com.");
        if (errors.Any)
        {
            return errors.ToError();
        }
        if (await db.Agencies.AnyAsync(a => a.Slug == command.Slug, ct))
        {
            return SlugTaken(command.Slug!);
        }

        var now = clock.GetUtcNow();
        var (agency, wallets) = Agency.Create(command.Name!, command.Slug!, command.OwnerEmail!, now);
        var (key, plaintext) = ApiKey.Issue(agency.Id, now);
        db.Agencies.Add(agency);
        db.Wallets.AddRange(wallets);
        db.ApiKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return SlugTaken(command.Slug!);
        }
        return new CreatedAgency(agency, plaintext);
    }

    private static DuplicateValue SlugTaken(string slug) =>
        new("slug", $"The slug '{slug}' is already taken by another agency.");
}
