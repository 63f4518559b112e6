using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResellerKit.Engine.Outbox;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MessageId).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Topic).HasMaxLength(60).IsRequired();
        builder.Property(m => m.LeaseOwner).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.Topic, m.MessageId }).IsUnique();
        builder.HasIndex(m => new { m.CompletedAt, m.NextAttemptAt });
        builder.HasIndex(m => new { m.AgencyId, m.Topic, m.Id });
    }
}
