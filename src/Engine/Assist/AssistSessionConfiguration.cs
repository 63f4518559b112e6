using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Assist;

internal sealed class AssistSessionConfiguration : IEntityTypeConfiguration<AssistSession>
{
    public void Configure(EntityTypeBuilder<AssistSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.UserName).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Reason).HasMaxLength(500).IsRequired();
        builder.HasIndex(s => new { s.SubAccountId, s.StartedAt });
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SubAccount>().WithMany().HasForeignKey(s => s.SubAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
