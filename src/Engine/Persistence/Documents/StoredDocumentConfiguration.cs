using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResellerKit.Engine.Persistence.Documents;

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> builder)
    {
        builder.HasKey(d => new { d.Collection, d.Id });
        builder.Property(d => d.Collection).HasMaxLength(60);
        builder.Property(d => d.Id).HasMaxLength(200);
        builder.Property(d => d.Partition).HasMaxLength(200);
        builder.HasIndex(d => new { d.Collection, d.Partition });
        builder.HasIndex(d => new { d.Collection, d.CreatedAt });
    }
}
