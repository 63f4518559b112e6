using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.SubAccounts;

internal sealed class SubAccountConfiguration : IEntityTypeConfiguration<SubAccount>
{
    public void Configure(EntityTypeBuilder<SubAccount> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_SubAccounts_UsageCap", "\"UsageCapPerMonth\" IS NULL OR \"UsageCapPerMonth\" >= 0");
            t.HasCheckConstraint("CK_SubAccounts_UsageMonthCredits", "\"UsageMonthCredits\" >= 0");
            t.HasCheckConstraint("CK_SubAccounts_AutoRecharge", "\"AutoRechargeThreshold\" >= 0 AND \"AutoRechargeFailures\" >= 0");
        });
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(Input.MaxNameLength).IsRequired();
        builder.Property(s => s.Email).HasMaxLength(254).IsRequired();
        builder.Property(s => s.Ownership).HasMaxLength(20);
        builder.Property(s => s.CreditMode).HasMaxLength(20);
        builder.HasIndex(s => new { s.AgencyId, s.Email }).IsUnique();
        builder.HasOne(s => s.Agency).WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        // WalletId and ConsumedWalletId carry no foreign key: the wallet points back at its sub-account, and a key
        // both ways would make a cycle that no insert order satisfies. `ledger verify` checks the pointers.
        builder.Property(s => s.FeaturesOn).HasConversion<int>();
        builder.Property(s => s.ReportMetrics).HasConversion<int>();
        builder.Property(s => s.FeaturesOff).HasConversion<int>();
        builder.HasOne<Plans.Plan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(s => s.Wallet);
        builder.Ignore(s => s.Consumed);
        builder.Ignore(s => s.AutoRecharge);
        builder.Ignore(s => s.LowBalanceAlert);
        builder.Property(s => s.AutoRechargePauseReason).HasMaxLength(500);
        builder.Property(s => s.AutoRechargeSkipReason).HasMaxLength(500);
        builder.Property(s => s.LowBalanceRecipients).HasMaxLength(1300);
        builder.HasIndex(s => s.OpenRechargeId).IsUnique();
    }
}
