using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;

namespace ResellerKit.Engine.Embedding;

internal sealed class WidgetOriginConfiguration : IEntityTypeConfiguration<WidgetOrigin>
{
    public void Configure(EntityTypeBuilder<WidgetOrigin> builder)
    {
        builder.HasKey(o => new { o.AgencyId, o.Origin });
        builder.Property(o => o.Origin).HasMaxLength(EmbeddingOrigin.MaxLength);
        builder.HasOne<Agency>().WithMany().HasForeignKey(o => o.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.Origin);
    }
}
