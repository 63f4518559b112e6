using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Connections;

internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Status).HasMaxLength(20);
        builder.Property(c => c.Role).HasMaxLength(20);
        builder.Property(c => c.Areas).HasConversion<int>();
        builder.Property(c => c.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.EndedBy).HasMaxLength(200);
        builder.HasIndex(c => c.TokenHash).IsUnique();
        builder.HasIndex(c => new { c.AgencyId, c.SubAccountId, c.Status });
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SubAccount>().WithMany(s => s.Connections).HasForeignKey(c => c.SubAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsActive);
    }
}
