using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;

namespace ResellerKit.Engine.Branding;

internal sealed class AgencyThemeConfiguration : IEntityTypeConfiguration<AgencyTheme>
{
    public void Configure(EntityTypeBuilder<AgencyTheme> builder)
    {
        builder.HasKey(t => t.AgencyId);
        builder.Property(t => t.BaseTheme).HasMaxLength(40).IsRequired();
        builder.Property(t => t.SettingsJson).IsRequired();
        builder.HasOne<Agency>().WithOne().HasForeignKey<AgencyTheme>(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ThemeFileConfiguration : IEntityTypeConfiguration<ThemeFile>
{
    public void Configure(EntityTypeBuilder<ThemeFile> builder)
    {
        builder.HasKey(f => new { f.AgencyId, f.Path });
        builder.Property(f => f.Path).HasMaxLength(200);
        builder.Property(f => f.Content).IsRequired();
        builder.HasOne<Agency>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ThemeRevisionConfiguration : IEntityTypeConfiguration<ThemeRevision>
{
    public void Configure(EntityTypeBuilder<ThemeRevision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Description).HasMaxLength(300).IsRequired();
        builder.Property(r => r.ActorName).HasMaxLength(200).IsRequired();
        builder.HasIndex(r => new { r.AgencyId, r.Version }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
