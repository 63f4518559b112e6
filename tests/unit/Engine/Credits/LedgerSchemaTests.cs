namespace ResellerKit.Tests.Unit.Engine.Credits;

// Inside the namespace, so that `Credits` means the type, not this test folder.
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

/// <summary>The ledger's tables as the migrations leave them, on a real database: SQLite and PostgreSQL.</summary>
public abstract class LedgerSchemaTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly EngineFixture engine = new(provider);

    public ValueTask InitializeAsync() => engine.InitializeAsync();

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    // Each usage debit writes two entries on a few hot wallets: an index by wallet cost a page per wallet at every commit,
    // and only `ledger verify` reads entries by wallet. The foreign key stays: an entry never points at no wallet.
    [Fact]
    public async Task Migrate_LedgerEntriesWalletId_KeepsTheForeignKeyWithoutAnIndex()
    {
        var agency = await engine.NewAgencyAsync();
        var subAccount = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);
        await engine.GrantAsync(subAccount, new GrantCommand(new Credits(10), "own"));
        (await engine.UseAsync(subAccount, 3)).IsSuccess.ShouldBeTrue();

        var indexed = await engine.InScopeAsync(s => IndexesOnWalletIdAsync(s.GetRequiredService<EngineDbContext>()));
        var refused = await engine.InScopeAsync(async s =>
        {
            try
            {
                await s.GetRequiredService<EngineDbContext>().LedgerEntries.Where(e => e.WalletId == subAccount.WalletId)
                    .ExecuteUpdateAsync(set => set.SetProperty(e => e.WalletId, WalletId.From(Guid.NewGuid())), Ct);
                return false;
            }
            catch (Exception e) when (e is DbException || e.InnerException is DbException)
            {
                return true;
            }
        });

        indexed.ShouldBe(0, "no index on LedgerEntries leads with WalletId");
        refused.ShouldBeTrue("an entry moved to a wallet that does not exist is refused by the foreign key");
        (await engine.VerifyAsync()).Problems.ShouldBeEmpty();
    }

    private async Task<int> IndexesOnWalletIdAsync(EngineDbContext db)
    {
        var sql = provider == DatabaseProvider.Sqlite
            ? """SELECT COUNT(*) AS "Value" FROM pragma_index_list('LedgerEntries') AS l, pragma_index_info(l.name) AS i WHERE i.seqno = 0 AND i.name = 'WalletId'"""
            : """SELECT COUNT(*)::int AS "Value" FROM pg_indexes WHERE tablename = 'LedgerEntries' AND indexdef LIKE '%("WalletId"%'""";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(Ct);
    }
}

public sealed class LedgerSchemaTestsOnSqlite() : LedgerSchemaTests(DatabaseProvider.Sqlite);

public sealed class LedgerSchemaTestsOnPostgres() : LedgerSchemaTests(DatabaseProvider.Postgres);
