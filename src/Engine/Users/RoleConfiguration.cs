using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResellerKit.Engine.Users;

/// <summary>The sign-in roles are data every database needs, so migrations create them (fixed ids, stable stamps).</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) => builder.HasData(Roles.All.Select((name, i) =>
        new IdentityRole<Guid>(name)
        {
            Id = new Guid($"00000000-0000-0000-0000-00000000000{i + 1}"),
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = $"role-{name}",
        }));
}
