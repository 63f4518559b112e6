using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Embedding;

internal sealed class WidgetSessionConfiguration : IEntityTypeConfiguration<WidgetSession>
{
    public void Configure(EntityTypeBuilder<WidgetSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SubAccount>().WithMany().HasForeignKey(s => s.SubAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.AgencyId, s.SubAccountId });
        builder.HasIndex(s => s.ExpiresAt);
    }
}
