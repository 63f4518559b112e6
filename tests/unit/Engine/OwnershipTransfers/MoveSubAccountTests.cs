using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.OwnershipTransfers;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Engine.OwnershipTransfers;

/// <summary>A sub-account's move to another agency (both hand-overs run it): where its credits, live or expired, end up.</summary>
public abstract class MoveSubAccountTests(EngineFixture engine)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task Move_WithOnlyExpiredLots_SendsThemToTheOldAgencysExpiredSink()
    {
        var (client, from, to) = await ClientWithAnExpiredLotAsync();

        var moved = await MoveAsync(client, to.Id);

        moved.ShouldBe(0);
        (await BalanceOfAsync(client.WalletId)).ShouldBe(0, "expired credits do not stay behind in the old wallet");
        (await ExpiredSinkOfAsync(from.Id)).ShouldBe(80);
        (await TypesOfAsync(client.Id)).ShouldBe([TransactionType.Grant, TransactionType.Expiry]);
        (await engine.VerifyAsync()).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Move_WithExpiredAndLiveLots_ExpiresTheOldAndMovesTheLive()
    {
        var (client, from, to) = await ClientWithAnExpiredLotAsync();
        await engine.GrantAsync(client, new GrantCommand(new ResellerKit.Engine.Credits.Credits(50), "lasting"));

        var moved = await MoveAsync(client, to.Id);

        moved.ShouldBe(50);
        (await BalanceOfAsync(client.WalletId)).ShouldBe(0);
        (await ExpiredSinkOfAsync(from.Id)).ShouldBe(80);
        (await engine.VerifyAsync()).Problems.ShouldBeEmpty();
    }

    private async Task<(SubAccount Client, ResellerKit.Engine.Agencies.Agency From, ResellerKit.Engine.Agencies.Agency To)> ClientWithAnExpiredLotAsync()
    {
        var from = await engine.NewAgencyAsync();
        var to = await engine.NewAgencyAsync();
        var client = await engine.NewSubAccountAsync(from.Id, CreditMode.Reselling);
        await engine.GrantAsync(client, new GrantCommand(new ResellerKit.Engine.Credits.Credits(80), "expiring", ExpiresAt: engine.Clock.GetUtcNow() + Day));
        engine.Clock.Advance(2 * Day);
        return (client, from, to);
    }

    private Task<long> MoveAsync(SubAccount client, AgencyId to) => engine.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<EngineDbContext>();
        var moved = await db.InTransactionAsync(async ct =>
        {
            var account = await db.SubAccounts.SingleAsync(a => a.Id == client.Id, ct);
            var result = await s.GetRequiredService<MoveSubAccount>().HandleAsync(account, to, Ownership.Agency, ct);
            await db.SaveChangesAsync(ct);
            return result;
        }, default);
        return moved.Value;
    });

    private Task<long> BalanceOfAsync(WalletId wallet) => engine.InScopeAsync(s =>
        s.GetRequiredService<EngineDbContext>().Wallets.Where(w => w.Id == wallet).Select(w => w.Balance).SingleAsync());

    private Task<long> ExpiredSinkOfAsync(AgencyId agency) => engine.InScopeAsync(s =>
        s.GetRequiredService<EngineDbContext>().Wallets.Where(w => w.AgencyId == agency && w.Kind == WalletKind.Expired).Select(w => w.Balance).SingleAsync());

    private Task<List<TransactionType>> TypesOfAsync(SubAccountId id) => engine.InScopeAsync(s =>
        s.GetRequiredService<EngineDbContext>().LedgerTransactions.Where(t => t.SubAccountId == id).OrderBy(t => t.Sequence).Select(t => t.Type).ToListAsync());
}

public sealed class MoveSubAccountTestsOnSqlite(SqliteEngine engine) : MoveSubAccountTests(engine), IClassFixture<SqliteEngine>;

public sealed class MoveSubAccountTestsOnPostgres(PostgresEngine engine) : MoveSubAccountTests(engine), IClassFixture<PostgresEngine>;
