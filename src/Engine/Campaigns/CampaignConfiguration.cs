using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public const int MaxCopiedFromLength = 400;

    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(CampaignRules.MaxNameLength).IsRequired();
        // JSON is kept as text, exactly as validated: jsonb would reorder keys and drop duplicates.
        builder.Property(c => c.Settings).IsRequired();
        builder.Property(c => c.Configuration).IsRequired();
        builder.Property(c => c.Instructions).IsRequired();
        builder.Property(c => c.Faqs).IsRequired().HasConversion(
            faqs => FaqsJson.Write(faqs),
            json => FaqsJson.Read(json),
            new ValueComparer<IReadOnlyList<CampaignFaq>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        builder.Property(c => c.CopiedFrom).HasMaxLength(MaxCopiedFromLength);
        builder.HasIndex(c => new { c.AgencyId, c.SubAccountId, c.CreatedAt });
        // No foreign key to the template: a copy outlives a deleted template (and stops following it).
        builder.HasIndex(c => c.TemplateId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SubAccount>().WithMany().HasForeignKey(c => c.SubAccountId).OnDelete(DeleteBehavior.Restrict);
    }

    private static class FaqsJson
    {
        private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

        public static string Write(IReadOnlyList<CampaignFaq> faqs) => JsonSerializer.Serialize(faqs, Options);

        public static IReadOnlyList<CampaignFaq> Read(string json) => JsonSerializer.Deserialize<List<CampaignFaq>>(json, Options) ?? [];
    }
}
