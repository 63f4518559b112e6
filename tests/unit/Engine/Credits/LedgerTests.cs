namespace ResellerKit.Tests.Unit.Engine.Credits;

// Inside the namespace, so that `Credits` means the type, not this test folder.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

/// <summary>The ledger rules of ARCHITECTURE.md, on a real database. Runs once on SQLite and once on PostgreSQL.</summary>
public abstract class LedgerTests(EngineFixture engine)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task Debit_WithLotsOfDifferentTerms_BurnsSoonestExpiryFirstThenPromotionalThenOldest()
    {
        var agency = await engine.NewAgencyAsync();
        var client = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);
        var now = engine.Clock.GetUtcNow();
        await engine.GrantAsync(client, new GrantCommand(new Credits(100), "paid, never expires"));
        await engine.GrantAsync(client, new GrantCommand(new Credits(100), "promo, never expires", Promotional: true));
        await engine.GrantAsync(client, new GrantCommand(new Credits(100), "paid, expires in 30 days", ExpiresAt: now + 30 * Day));
        await engine.GrantAsync(client, new GrantCommand(new Credits(100), "promo, expires in 30 days", ExpiresAt: now + 30 * Day, Promotional: true));
        await engine.GrantAsync(client, new GrantCommand(new Credits(100), "paid, expires in 7 days", ExpiresAt: now + 7 * Day));

        (await engine.UseAsync(client, 350)).IsSuccess.ShouldBeTrue();

        var remaining = await RemainingByReasonAsync(client);
        remaining["paid, expires in 7 days"].ShouldBe(0);
        remaining["promo, expires in 30 days"].ShouldBe(0);
        remaining["paid, expires in 30 days"].ShouldBe(0);
        remaining["promo, never expires"].ShouldBe(50);
        remaining["paid, never expires"].ShouldBe(100);
        (await engine.BalanceAsync(client)).Credits.ShouldBe(150);
        (await engine.VerifyAsync()).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Debit_AfterALotExpired_ExpiresItAndSpendsOnlyLiveCredits()
    {
        var agency = await engine.NewAgencyAsync();
        var client = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);
        await engine.GrantAsync(client, new GrantCommand(new Credits(80), "expiring", ExpiresAt: engine.Clock.GetUtcNow() + Day));
        await engine.GrantAsync(client, new GrantCommand(new Credits(50), "lasting"));
        engine.Clock.Advance(2 * Day);

        (await engine.BalanceAsync(client)).Credits.ShouldBe(50);
        var tooMuch = await engine.UseAsync(client, 60);
        tooMuch.Error.ShouldBeOfType<InsufficientCredits>().Available.ShouldBe(50);
        (await engine.UseAsync(client, 20)).IsSuccess.ShouldBeTrue();

        (await engine.BalanceAsync(client)).Credits.ShouldBe(30);
        var types = await engine.InScopeAsync(s => s.GetRequiredService<EngineDbContext>().LedgerTransactions
            .Where(t => t.SubAccountId == client.Id).OrderBy(t => t.Sequence).Select(t => t.Type).ToListAsync());
        types.ShouldBe([TransactionType.Grant, TransactionType.Grant, TransactionType.Expiry, TransactionType.Usage]);
        (await engine.VerifyAsync()).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Debit_WhenBalanceInsufficient_ReturnsInsufficientCreditsAndMovesNothing()
    {
        var agency = await engine.NewAgencyAsync();
        var client = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);
        await engine.GrantAsync(client, new GrantCommand(new Credits(10), "small"));

        var result = await engine.UseAsync(client, 11);

        result.Error.ShouldBe(new InsufficientCredits(11, 10));
        (await engine.BalanceAsync(client)).Credits.ShouldBe(10);
        (await engine.BalanceAsync(client)).UsedThisMonth.ShouldBe(0);
        (await engine.VerifyAsync()).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Usage_InSharedModeBeyondMonthlyCap_IsRefusedUntilNextMonth()
    {
        var agency = await engine.NewAgencyAsync();
        await engine.GrantPoolAsync(agency.Id, new GrantCommand(new Credits(1_000), "pool"));
        var client = await engine.NewSubAccountAsync(agency.Id, CreditMode.Shared);
        await engine.InScopeAsync(s => s.GetRequiredService<UpdateSubAccount>().HandleAsync(
            Tenant.Of(agency.Id), client.Id, new UpdateSubAccountCommand(UsageCapPerMonth: 100L), Actor.System, default));

        (await engine.UseAsync(client, 60)).IsSuccess.ShouldBeTrue();
        var refused = await engine.UseAsync(client, 41);
        engine.Clock.Advance(TimeSpan.FromDays(31));
        var nextMonth = await engine.UseAsync(client, 41);

        refused.Error.ShouldBe(new UsageCapReached(100, 60, 41));
        nextMonth.IsSuccess.ShouldBeTrue();
        (await engine.BalanceAsync(client)).Credits.ShouldBe(1_000 - 60 - 41);
        (await engine.VerifyAsync()).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task SwitchMode_FromResellingToSharedAndBack_KeepsTheSubAccountsOwnCredits()
    {
        var agency = await engine.NewAgencyAsync();
        await engine.GrantPoolAsync(agency.Id, new GrantCommand(new Credits(500), "pool"));
        var client = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);
        await engine.GrantAsync(client, new GrantCommand(new Credits(70), "bought"));

        await SwitchAsync(client, CreditMode.Shared);
        (await engine.UseAsync(client, 30)).IsSuccess.ShouldBeTrue();
        var shared = await engine.BalanceAsync(client);
        await SwitchAsync(client, CreditMode.Reselling);
        var reselling = await engine.BalanceAsync(client);

        shared.Credits.ShouldBe(470);
        shared.HeldCredits.ShouldBe(70);
        reselling.Credits.ShouldBe(70);
        (await engine.VerifyAsync()).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Grant_ThatWouldPassTheBalanceLimit_IsRefused()
    {
        var agency = await engine.NewAgencyAsync();
        await SetPoolBalanceAsync(agency.PoolWalletId, Credits.MaxBalance - 5);

        var result = await engine.GrantPoolAsync(agency.Id, new GrantCommand(new Credits(6), "one too many"));
        await SetPoolBalanceAsync(agency.PoolWalletId, 0); // Leave the shared database consistent for the other tests.

        result.Error.ShouldBe(new BalanceLimitReached(Credits.MaxBalance));
    }

    [Fact]
    public async Task Verify_WhenACachedBalanceIsTamperedWith_ReportsTheBrokenInvariant()
    {
        var agency = await engine.NewAgencyAsync();
        await engine.GrantPoolAsync(agency.Id, new GrantCommand(new Credits(300), "pool"));

        // Fault injection: move a balance without a ledger entry, as a buggy write path would.
        await engine.InScopeAsync(s => s.GetRequiredService<EngineDbContext>().Wallets.Where(w => w.Id == agency.PoolWalletId)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.Balance, w => w.Balance + 1)));
        var report = await engine.VerifyAsync();
        await engine.InScopeAsync(s => s.GetRequiredService<EngineDbContext>().Wallets.Where(w => w.Id == agency.PoolWalletId)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.Balance, w => w.Balance - 1)));

        report.IsClean.ShouldBeFalse();
        report.Problems.ShouldContain(p => p.Contains(agency.PoolWalletId.ToString()) && p.Contains("cached balance 301"));
    }

    /// <summary>
    /// The refusal comes from the CHECK constraint named in the model, and from nothing else: the same statement is
    /// accepted for the one wallet the constraint exempts (issuance), and the pool keeps its balance.
    /// </summary>
    [Fact]
    public async Task Overdraft_ByDirectSql_IsRefusedByTheDatabase()
    {
        var agency = await engine.NewAgencyAsync();

        var refused = await Should.ThrowAsync<Exception>(() => SetBalanceBySqlAsync(agency.PoolWalletId, -1));
        await SetBalanceBySqlAsync(agency.IssuanceWalletId, -1);
        var issuance = await BalanceBySqlAsync(agency.IssuanceWalletId);
        await SetBalanceBySqlAsync(agency.IssuanceWalletId, 0); // the database is shared: leave the ledger verifiable for the next test

        CheckConstraintOf(refused).ShouldBe("CK_Wallets_Balance", refused.ToString());
        (await BalanceBySqlAsync(agency.PoolWalletId)).ShouldBe(0);
        issuance.ShouldBe(-1, "issuance may go negative, so this CHECK is what refused the pool");
    }

    // The name of the CHECK constraint a database error reports, on SQLite or PostgreSQL; null for any other error.
    private static string? CheckConstraintOf(Exception? exception) => exception switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 275 } sqlite =>
            System.Text.RegularExpressions.Regex.Match(sqlite.Message, "CHECK constraint failed: (\\w+)").Groups[1].Value,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.CheckViolation } postgres => postgres.ConstraintName,
        null => null,
        _ => CheckConstraintOf(exception.InnerException),
    };

    private Task SetBalanceBySqlAsync(WalletId wallet, long balance) => engine.InScopeAsync(s =>
        s.GetRequiredService<EngineDbContext>().Wallets.Where(w => w.Id == wallet).ExecuteUpdateAsync(set => set.SetProperty(w => w.Balance, balance)));

    private Task<long> BalanceBySqlAsync(WalletId wallet) => engine.InScopeAsync(s =>
        s.GetRequiredService<EngineDbContext>().Wallets.Where(w => w.Id == wallet).Select(w => w.Balance).SingleAsync());

    private Task SetPoolBalanceAsync(WalletId pool, long balance) => engine.InScopeAsync(s =>
        s.GetRequiredService<EngineDbContext>().Wallets.Where(w => w.Id == pool).ExecuteUpdateAsync(set => set.SetProperty(w => w.Balance, balance)));

    private Task SwitchAsync(SubAccount client, CreditMode mode) => engine.InScopeAsync(s => s.GetRequiredService<UpdateSubAccount>().HandleAsync(
        Tenant.Of(client.AgencyId), client.Id, new UpdateSubAccountCommand(CreditMode: mode), Actor.System, default));

    private Task<Dictionary<string, long>> RemainingByReasonAsync(SubAccount client) => engine.InScopeAsync(s =>
        s.GetRequiredService<EngineDbContext>().CreditLots.Where(l => l.WalletId == client.WalletId)
            .Select(l => new { l.Grant!.Description, l.Remaining })
            .ToDictionaryAsync(l => l.Description!, l => l.Remaining));
}

public sealed class LedgerTestsOnSqlite(SqliteEngine engine) : LedgerTests(engine), IClassFixture<SqliteEngine>;

public sealed class LedgerTestsOnPostgres(PostgresEngine engine) : LedgerTests(engine), IClassFixture<PostgresEngine>;
