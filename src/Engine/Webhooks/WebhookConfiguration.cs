using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;

namespace ResellerKit.Engine.Webhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.HasKey(e => e.AgencyId);
        builder.Property(e => e.Url).HasMaxLength(2048).IsRequired();
        builder.Property(e => e.Events).HasMaxLength(500).IsRequired();
        builder.Property(e => e.ProtectedSecret).HasMaxLength(1000).IsRequired();
        builder.Property(e => e.PreviousProtectedSecret).HasMaxLength(1000);
        builder.Property(e => e.DisabledReason).HasMaxLength(500);
        builder.Ignore(e => e.EventList);
        builder.HasOne<Agency>().WithOne().HasForeignKey<WebhookEndpoint>(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WebhookMessageConfiguration : IEntityTypeConfiguration<WebhookMessage>
{
    public void Configure(EntityTypeBuilder<WebhookMessage> builder)
    {
        builder.HasKey(m => m.Number);
        builder.Property(m => m.Number).ValueGeneratedOnAdd();
        builder.HasIndex(m => m.Id).IsUnique();
        builder.HasIndex(m => m.WebhookId).IsUnique();
        builder.Property(m => m.WebhookId).HasMaxLength(100).IsRequired();
        builder.Property(m => m.EventType).HasMaxLength(60).IsRequired();
        builder.Property(m => m.Payload).HasMaxLength(16_000).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasIndex(m => new { m.AgencyId, m.Number });
        builder.HasIndex(m => m.RechargeId);
        builder.Ignore(m => m.OutboxMessageId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Attempts).WithOne().HasForeignKey(a => a.MessageNumber).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Outcome).HasMaxLength(20).IsRequired();
        builder.Property(a => a.Detail).HasMaxLength(500).IsRequired();
        builder.Property(a => a.ResponseSnippet).HasMaxLength(WebhookAttempt.MaxSnippet);
        builder.HasIndex(a => new { a.MessageNumber, a.Attempt });
    }
}
