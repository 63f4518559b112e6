using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Access;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Users;

/// <summary>
/// Issues and redeems magic sign-in links. Redeeming is one conditional UPDATE, so two clicks cannot both sign in.
/// Looking a link up (<see cref="UserOfAsync"/>) spends nothing: a mail scanner that opens the link leaves it usable.
/// </summary>
public sealed class MagicLinks(EngineDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>Adds a link to the unit of work and returns its token; the caller saves (with the email that carries it).</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid userId)
    {
        var token = ApiKeys.Generate("ml_");
        var expiresAt = clock.GetUtcNow() + Lifetime;
        db.MagicLinks.Add(MagicLink.Issue(userId, ApiKeys.Hash(token), expiresAt));
        return (token, expiresAt);
    }

    /// <summary>The user a live link (unused, unexpired) would sign in, without spending it; null otherwise.</summary>
    public Task<Guid?> UserOfAsync(string token, CancellationToken ct)
    {
        var hash = ApiKeys.Hash(token);
        var now = clock.GetUtcNow();
        return db.MagicLinks.AsNoTracking().Where(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now)
            .Select(l => (Guid?)l.UserId).SingleOrDefaultAsync(ct);
    }

    /// <summary>The user the link signs in, once; null for an unknown, expired or already used link.</summary>
    public async Task<Guid?> RedeemAsync(string token, CancellationToken ct)
    {
        var hash = ApiKeys.Hash(token);
        var now = clock.GetUtcNow();
        var link = await db.MagicLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null)
        {
            return null;
        }
        var used = await db.MagicLinks.Where(l => l.Id == link.Id && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.UsedAt, now), ct);
        return used == 1 ? link.UserId : null;
    }
}

internal sealed class MagicLinkConfiguration : IEntityTypeConfiguration<MagicLink>
{
    public void Configure(EntityTypeBuilder<MagicLink> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
