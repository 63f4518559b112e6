using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;

namespace ResellerKit.Engine.Access;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Hash).HasMaxLength(64).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(32).IsRequired();
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => k.AgencyId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(k => k.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
