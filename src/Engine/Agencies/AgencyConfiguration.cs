using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(Input.MaxNameLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(40).IsRequired();
        builder.Property(a => a.OwnerEmail).HasMaxLength(254).IsRequired();
        builder.Property(a => a.Status).HasMaxLength(20);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.DiscountPercent).HasPrecision(5, 2);
        builder.Property(a => a.PlatformFeatures).HasConversion<int>();
        builder.Property(a => a.StripeAccountId).HasMaxLength(100);
        builder.HasIndex(a => a.StripeAccountId);
        builder.Property(a => a.CustomDomain).HasMaxLength(253);
        builder.Property(a => a.CustomDomainToken).HasMaxLength(64);
        builder.Property(a => a.VerifiedDomain).HasMaxLength(253);
        builder.HasIndex(a => a.VerifiedDomain).IsUnique();
        builder.ComplexProperty(a => a.Branding, b =>
        {
            b.Property(x => x.DisplayName).HasMaxLength(Input.MaxNameLength);
            b.Property(x => x.LogoUrl).HasMaxLength(2048);
            b.Property(x => x.PrimaryColor).HasMaxLength(7);
            b.Property(x => x.SupportEmail).HasMaxLength(254);
            b.Property(x => x.PostalAddress).HasMaxLength(500);
            b.Property(x => x.EmailFooter).HasMaxLength(2000);
            b.Property(x => x.Locale).HasMaxLength(20);
            b.Property(x => x.Currency).HasMaxLength(3);
        });
        builder.ComplexProperty(a => a.CustomQuantity, c =>
        {
            c.Property(x => x.PricePerCredit).HasPrecision(18, 6);
            c.Property(x => x.Currency).HasMaxLength(3);
            c.Ignore(x => x.Enabled);
            c.Ignore(x => x.Price);
        });
        builder.Ignore(a => a.Issuance);
        builder.Ignore(a => a.PublicName);
        builder.Ignore(a => a.Pool);
    }
}
