using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.OwnershipTransfers;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>
/// An agency's grant that read the account just before a hand-over to another agency committed: the credits must not
/// land in the wallet the account left behind (where nobody would ever see or spend them, billed to the agency all
/// the same). Under the lock the hand-over takes too, the grant sees the account has left and is refused.
/// </summary>
public abstract class GrantDuringHandOverTests(ApiFixture api)
{
    [Fact]
    public async Task Grant_ReadJustBeforeAHandOverCommits_IsRefusedAndMovesNothing()
    {
        var agency = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        var id = SubAccountId.From(Guid.Parse(await agency.CreateSubAccountAsync("reselling")));
        await using var handOver = api.Services.CreateAsyncScope();
        var db = handOver.ServiceProvider.GetRequiredService<EngineDbContext>();
        var oldWallet = await db.SubAccounts.Where(s => s.Id == id).Select(s => s.WalletId).SingleAsync(Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var account = await db.SubAccounts.SingleAsync(s => s.Id == id, Ct);
        (await handOver.ServiceProvider.GetRequiredService<MoveSubAccount>()
            .HandleAsync(account, AgencyId.From(Guid.Parse(other.Id)), Ownership.Agency, Ct)).IsSuccess.ShouldBeTrue();
        await db.SaveChangesAsync(Ct);

        var grant = Task.Run(async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<GrantSubAccountCredits>().HandleAsync(
                Tenant.Of(AgencyId.From(Guid.Parse(agency.Id))), id, new GrantCommand(new Credits(50), "goodwill"), null, Ct);
        }, Ct);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // the grant reads the account, then waits for its row
        await transaction.CommitAsync(Ct);
        var granted = await grant;

        granted.IsSuccess.ShouldBeFalse("the account is another agency's now");
        granted.Error.ShouldBeOfType<NotFound>();
        await using var check = api.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<EngineDbContext>().Wallets.Where(w => w.Id == oldWallet).Select(w => w.Balance).SingleAsync(Ct))
            .ShouldBe(0, "nothing went into the wallet the account left");
        await api.LedgerIsCleanAsync();
    }
}

public sealed class GrantDuringHandOverTestsOnSqlite(SqliteApi api) : GrantDuringHandOverTests(api), IClassFixture<SqliteApi>;

public sealed class GrantDuringHandOverTestsOnPostgres(PostgresApi api) : GrantDuringHandOverTests(api), IClassFixture<PostgresApi>;
