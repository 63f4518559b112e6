using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Recharges;

internal sealed class RechargeConfiguration : IEntityTypeConfiguration<Recharge>
{
    public void Configure(EntityTypeBuilder<Recharge> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_Recharges_Credits", "\"CreditsRequested\" > 0"));
        builder.HasKey(r => r.Number);
        builder.Property(r => r.Number).ValueGeneratedOnAdd();
        builder.HasIndex(r => r.Id).IsUnique();
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.StripeIdempotencyKey).HasMaxLength(100);
        builder.Property(r => r.PaymentIntentId).HasMaxLength(200);
        builder.Property(r => r.FailureCode).HasMaxLength(60);
        builder.Property(r => r.FailureReason).HasMaxLength(500);
        builder.Property(r => r.RecoveryCheckoutUrl).HasMaxLength(2048);
        builder.HasIndex(r => r.StripeIdempotencyKey).IsUnique();
        // A refund or a dispute finds its recharge by the payment it reverses (ReversePayment, GrantBeforeReversal), and a
        // checkout's finds none: without an index each scanned the table. A payment is one recharge's own charge (made with
        // its idempotency key, naming it in the metadata), so the index is unique; unset, as many are, it may repeat
        // (SQL Server's unique index on a nullable column is filtered on IS NOT NULL by EF's convention).
        builder.HasIndex(r => r.PaymentIntentId).IsUnique();
        builder.HasIndex(r => r.GrantTransactionId).IsUnique();
        builder.HasIndex(r => new { r.SubAccountId, r.Number });
        builder.HasIndex(r => new { r.State, r.ExpiresAt });
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SubAccount>().WithMany().HasForeignKey(r => r.SubAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
