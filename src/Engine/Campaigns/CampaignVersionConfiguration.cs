using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResellerKit.Engine.Campaigns;

internal sealed class CampaignVersionConfiguration : IEntityTypeConfiguration<CampaignVersion>
{
    public void Configure(EntityTypeBuilder<CampaignVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Content).IsRequired();
        builder.Property(v => v.Change).HasMaxLength(200).IsRequired();
        builder.HasIndex(v => new { v.CampaignId, v.Version }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
