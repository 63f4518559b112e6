using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Users;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Role).HasMaxLength(20);
        builder.Property(m => m.Areas).HasConversion<int>();
        builder.HasIndex(m => new { m.UserId, m.AgencyId, m.SubAccountId }).IsUnique();
        builder.HasIndex(m => new { m.AgencyId, m.SubAccountId });
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SubAccount>().WithMany().HasForeignKey(m => m.SubAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
