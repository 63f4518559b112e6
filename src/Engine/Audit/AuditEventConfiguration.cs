using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;

namespace ResellerKit.Engine.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorId).HasMaxLength(100).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.RealActorId).HasMaxLength(100);
        builder.Property(e => e.Action).HasMaxLength(100).IsRequired();
        builder.HasIndex(e => new { e.AgencyId, e.Id });
        builder.HasIndex(e => new { e.SubAccountId, e.Id });
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
