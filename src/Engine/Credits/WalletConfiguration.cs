using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

internal sealed class WalletConfiguration : IEntityTypeConfiguration<Wallet>
{
    public void Configure(EntityTypeBuilder<Wallet> builder)
    {
        // The database itself refuses an overdraft, whatever the code does.
        builder.ToTable(t => t.HasCheckConstraint("CK_Wallets_Balance",
            $"\"Balance\" >= 0 OR \"Kind\" = '{nameof(WalletKind.Issuance)}'"));
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Kind).HasMaxLength(20);
        builder.HasIndex(w => new { w.AgencyId, w.Kind });
        builder.HasIndex(w => w.SubAccountId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(w => w.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SubAccount>().WithMany().HasForeignKey(w => w.SubAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(w => w.Ref);
    }
}
