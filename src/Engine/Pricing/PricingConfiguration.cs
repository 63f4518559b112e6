using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;

namespace ResellerKit.Engine.Pricing;

internal sealed class MinimumPriceConfiguration : IEntityTypeConfiguration<MinimumPrice>
{
    public void Configure(EntityTypeBuilder<MinimumPrice> builder)
    {
        builder.HasKey(m => m.Currency);
        builder.Property(m => m.Currency).HasMaxLength(3);
        builder.Property(m => m.MinimumPerCredit).HasPrecision(18, 6);
        builder.Property(m => m.FeePerCredit).HasPrecision(18, 6);
        builder.Ignore(m => m.Floor);
        builder.Ignore(m => m.Fee);
    }
}

internal sealed class CreditPackConfiguration : IEntityTypeConfiguration<CreditPack>
{
    public void Configure(EntityTypeBuilder<CreditPack> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_CreditPacks_Credits", "\"Credits\" > 0");
            t.HasCheckConstraint("CK_CreditPacks_UnitAmount", "\"UnitAmount\" > 0");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(80).IsRequired();
        builder.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        builder.Property(p => p.Highlight).HasMaxLength(40);
        builder.HasIndex(p => new { p.AgencyId, p.Archived, p.SortOrder });
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.Price);
    }
}
