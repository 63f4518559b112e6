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
/// An agency's write that read the account just before a hand-over to another agency committed. A grant's credits must
/// not land in the wallet the account left behind (where nobody would ever see or spend them, billed to the agency all
/// the same), and a change of settings must not reach the new owner's account. Under the lock the hand-over takes too,
/// each sees the account has left and is refused.
/// </summary>
public abstract class WritesDuringHandOverTests(ApiFixture api)
{
    [Fact]
    public async Task Grant_ReadJustBeforeAHandOverCommits_IsRefusedAndMovesNothing()
    {
        var (agency, id, oldWallet) = await AccountAsync();

        var granted = await DuringAHandOverAsync(id, scope => scope.ServiceProvider.GetRequiredService<GrantSubAccountCredits>().HandleAsync(
            Tenant.Of(AgencyId.From(Guid.Parse(agency.Id))), id, new GrantCommand(new Credits(50), "goodwill"), Actor.System, null, Ct));

        granted.IsSuccess.ShouldBeFalse("the account is another agency's now");
        granted.Error.ShouldBeOfType<NotFound>();
        await using var check = api.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<EngineDbContext>().Wallets.Where(w => w.Id == oldWallet).Select(w => w.Balance).SingleAsync(Ct))
            .ShouldBe(0, "nothing went into the wallet the account left");
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task Update_ReadJustBeforeAHandOverCommits_IsRefusedAndChangesNothing()
    {
        var (agency, id, _) = await AccountAsync();

        var updated = await DuringAHandOverAsync(id, scope => scope.ServiceProvider.GetRequiredService<UpdateSubAccount>().HandleAsync(
            Tenant.Of(AgencyId.From(Guid.Parse(agency.Id))), id, new UpdateSubAccountCommand(Name: "Renamed by the old agency", Paused: true), Actor.System, Ct));

        updated.IsSuccess.ShouldBeFalse("the account is another agency's now");
        updated.Error.ShouldBeOfType<NotFound>();
        await using var check = api.Services.CreateAsyncScope();
        var after = await check.ServiceProvider.GetRequiredService<EngineDbContext>().SubAccounts.AsNoTracking().SingleAsync(s => s.Id == id, Ct);
        after.Name.ShouldNotBe("Renamed by the old agency");
        after.Paused.ShouldBeFalse();
    }

    private async Task<(TestAgency Agency, SubAccountId Id, WalletId Wallet)> AccountAsync()
    {
        var agency = await api.CreateAgencyAsync();
        var id = SubAccountId.From(Guid.Parse(await agency.CreateSubAccountAsync("reselling")));
        await using var scope = api.Services.CreateAsyncScope();
        var wallet = await scope.ServiceProvider.GetRequiredService<EngineDbContext>().SubAccounts.Where(s => s.Id == id).Select(s => s.WalletId).SingleAsync(Ct);
        return (agency, id, wallet);
    }

    // Runs the write while a hand-over of the account to another agency holds its transaction open, then commits it.
    private async Task<T> DuringAHandOverAsync<T>(SubAccountId id, Func<AsyncServiceScope, Task<T>> write)
    {
        var other = await api.CreateAgencyAsync();
        await using var handOver = api.Services.CreateAsyncScope();
        var db = handOver.ServiceProvider.GetRequiredService<EngineDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var account = await db.SubAccounts.SingleAsync(s => s.Id == id, Ct);
        (await handOver.ServiceProvider.GetRequiredService<MoveSubAccount>()
            .HandleAsync(account, AgencyId.From(Guid.Parse(other.Id)), Ownership.Agency, Ct)).IsSuccess.ShouldBeTrue();
        await db.SaveChangesAsync(Ct);

        var writing = Task.Run(async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            return await write(scope);
        }, Ct);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // the write reads the account, then waits for its row
        await transaction.CommitAsync(Ct);
        return await writing;
    }
}

public sealed class WritesDuringHandOverTestsOnSqlite(SqliteApi api) : WritesDuringHandOverTests(api), IClassFixture<SqliteApi>;

public sealed class WritesDuringHandOverTestsOnPostgres(PostgresApi api) : WritesDuringHandOverTests(api), IClassFixture<PostgresApi>;
