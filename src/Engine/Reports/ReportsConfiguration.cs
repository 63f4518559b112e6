using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;

namespace ResellerKit.Engine.Reports;

internal sealed class UsageRollupConfiguration : IEntityTypeConfiguration<UsageRollup>
{
    public void Configure(EntityTypeBuilder<UsageRollup> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Type).HasMaxLength(20);
        builder.Property(r => r.CampaignId).HasMaxLength(100);
        builder.HasIndex(r => new { r.AgencyId, r.Day });
        builder.HasIndex(r => new { r.SubAccountId, r.Day });
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.Key);
    }
}

internal sealed class RollupWatermarkConfiguration : IEntityTypeConfiguration<RollupWatermark>
{
    public void Configure(EntityTypeBuilder<RollupWatermark> builder)
    {
        builder.HasKey(w => w.Name);
        builder.Property(w => w.Name).HasMaxLength(40);
    }
}
