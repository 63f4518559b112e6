using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using ResellerKit.Engine.Credits;

namespace ResellerKit.Engine.Persistence;

/// <summary>
/// EF's convention of an index on every foreign key, except the few named here, which keep their foreign key (the
/// database still refuses a row that points nowhere) without the index. <see cref="LedgerEntry.WalletId"/>: each usage
/// debit writes two entries, each on one of a few dozen hot wallets, so under load every commit dirtied one page of
/// that index per wallet, each written to the WAL and synced; nothing reads entries by wallet but `ledger verify`,
/// which sums them in one grouped pass (<see cref="LedgerVerifier"/>), and wallets are never deleted.
/// </summary>
internal sealed class UnindexedForeignKeys(ProviderConventionSetBuilderDependencies dependencies) : ForeignKeyIndexConvention(dependencies)
{
    private static readonly HashSet<(Type Entity, string Property)> Unindexed = [(typeof(LedgerEntry), nameof(LedgerEntry.WalletId))];

    protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder) =>
        properties.Count == 1 && Unindexed.Contains((entityTypeBuilder.Metadata.ClrType, properties[0].Name))
            ? null
            : base.CreateIndex(properties, unique, entityTypeBuilder);
}
