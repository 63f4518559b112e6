using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Credits;

internal sealed class LedgerTransactionConfiguration : IEntityTypeConfiguration<LedgerTransaction>
{
    public void Configure(EntityTypeBuilder<LedgerTransaction> builder)
    {
        builder.ToTable("LedgerTransactions", t => t.HasCheckConstraint("CK_LedgerTransactions_Credits", "\"Credits\" <> 0"));
        builder.HasKey(t => t.Sequence);
        builder.Property(t => t.Sequence).ValueGeneratedOnAdd();
        builder.Property(t => t.Type).HasMaxLength(20);
        builder.Property(t => t.Description).HasMaxLength(Input.MaxTextLength);
        builder.Property(t => t.Reference).HasMaxLength(Input.MaxReferenceLength);
        builder.Property(t => t.IdempotencyScope).HasMaxLength(60);
        builder.Property(t => t.IdempotencyKey).HasMaxLength(Input.MaxReferenceLength);
        builder.Property(t => t.RequestHash).HasMaxLength(64);
        builder.Property(t => t.CampaignId).HasMaxLength(100);
        builder.Property(t => t.ContactId).HasMaxLength(100);
        builder.Property(t => t.Metadata).HasMaxLength(8192);
        builder.HasIndex(t => t.Id).IsUnique();
        builder.HasIndex(t => new { t.AgencyId, t.Sequence });
        builder.HasIndex(t => new { t.SubAccountId, t.Sequence });
        // A key is unique in its caller's scope (the platform, one agency, or the system), as the API's Idempotency-Key is.
        builder.HasIndex(t => new { t.IdempotencyScope, t.IdempotencyKey }).IsUnique();
        builder.HasIndex(t => new { t.AgencyId, t.CampaignId });
        builder.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Entries).WithOne().HasForeignKey(e => e.TransactionSequence).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries", t => t.HasCheckConstraint("CK_LedgerEntries_Amount", "\"Amount\" <> 0"));
        builder.HasKey(e => e.Id);
        builder.HasOne<Wallet>().WithMany().HasForeignKey(e => e.WalletId).OnDelete(DeleteBehavior.Restrict);
        // WalletId is a foreign key without an index (UnindexedForeignKeys): only `ledger verify` reads entries by wallet,
        // in one grouped pass (LedgerVerifier), and wallets are never deleted.
    }
}

internal sealed class CreditLotConfiguration : IEntityTypeConfiguration<CreditLot>
{
    public void Configure(EntityTypeBuilder<CreditLot> builder)
    {
        builder.ToTable("CreditLots", t =>
        {
            t.HasCheckConstraint("CK_CreditLots_Remaining", "\"Remaining\" >= 0 AND \"Remaining\" <= \"Original\"");
            t.HasCheckConstraint("CK_CreditLots_Original", "\"Original\" > 0");
        });
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => new { l.WalletId, l.Remaining });
        builder.HasOne<Wallet>().WithMany().HasForeignKey(l => l.WalletId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Grant).WithMany().HasForeignKey(l => l.GrantSequence).OnDelete(DeleteBehavior.Restrict);
    }
}
