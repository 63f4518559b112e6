using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(Input.MaxNameLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(40).IsRequired();
        builder.Property(a => a.OwnerEmail).HasMaxLength(254).IsRequired();
        builder.Property(a => a.Status).HasMaxLength(20);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Ignore(a => a.Issuance);
        builder.Ignore(a => a.Pool);
    }
}
