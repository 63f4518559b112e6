using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;

namespace ResellerKit.Engine.Purchases;

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Purchases_Credits", "\"Credits\" > 0");
            t.HasCheckConstraint("CK_Purchases_Amount", "\"Amount\" > 0 AND \"PlatformFee\" >= 0 AND \"PlatformFee\" <= \"Amount\"");
            t.HasCheckConstraint("CK_Purchases_Reversed", "\"CreditsReversed\" >= 0 AND \"CreditsReversed\" <= \"Credits\"");
        });
        builder.HasKey(p => p.Number);
        builder.Property(p => p.Number).ValueGeneratedOnAdd();
        builder.HasIndex(p => p.Id).IsUnique();
        builder.Property(p => p.Description).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        builder.Property(p => p.StripeAccountId).HasMaxLength(100).IsRequired();
        builder.Property(p => p.StripeIdempotencyKey).HasMaxLength(100).IsRequired();
        builder.Property(p => p.CheckoutSessionId).HasMaxLength(200);
        builder.Property(p => p.CheckoutUrl).HasMaxLength(2048);
        builder.Property(p => p.PaymentIntentId).HasMaxLength(200);
        builder.Property(p => p.StripeCustomerId).HasMaxLength(200);
        builder.Property(p => p.RequestKey).HasMaxLength(255);
        builder.Property(p => p.RequestHash).HasMaxLength(64);
        builder.Property(p => p.FailureReason).HasMaxLength(500);
        builder.HasIndex(p => p.CheckoutSessionId).IsUnique();
        builder.HasIndex(p => p.PaymentIntentId);
        builder.HasIndex(p => new { p.AgencyId, p.RequestKey }).IsUnique();
        builder.HasIndex(p => new { p.AgencyId, p.Number });
        builder.HasIndex(p => new { p.SubAccountId, p.Number });
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.SubAccount).WithMany().HasForeignKey(p => p.SubAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentEventConfiguration : IEntityTypeConfiguration<PaymentEvent>
{
    public void Configure(EntityTypeBuilder<PaymentEvent> builder)
    {
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).HasMaxLength(100);
        builder.Property(e => e.Type).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Account).HasMaxLength(100);
        builder.Property(e => e.Outcome).HasMaxLength(100).IsRequired();
    }
}
