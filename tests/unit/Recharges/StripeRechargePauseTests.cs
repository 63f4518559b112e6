using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Recharges;

/// <summary>
/// A recharge counted as failed that Stripe later reports paid no longer counts toward the pause its failures caused: the
/// pause is lifted and recorded. A lost dispute's pause stays until the agency lifts it.
/// </summary>
public abstract class StripeRechargePauseTests(ApiFixture api)
{
    [Fact]
    public async Task PaymentIntentSucceeded_OfTheFailureThatPausedAutoRecharge_LiftsThePauseAndRecordsIt()
    {
        var (agency, subAccount, account, rechargeId) = await api.DippedDuringAnOutageAsync("lose_answers");
        await api.SetFailuresAsync(subAccount, 2); // two failed recharges before this one: giving it up is the third in a row
        await api.GiveUpAsync(rechargeId);
        await agency.WaitForRechargesAsync(subAccount, r => r.Single().GetProperty("state").GetString() == "failed");
        var paused = (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge");

        await api.OutageAsync(account, "off");
        await agency.GrantedRechargeAsync(subAccount);

        paused.GetProperty("pausedAt").ValueKind.ShouldBe(JsonValueKind.String, "three failures in a row paused it");
        var settings = (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge");
        settings.GetProperty("pausedAt").ValueKind.ShouldBe(JsonValueKind.Null, "the third failure was paid after all");
        settings.GetProperty("consecutiveFailures").GetInt32().ShouldBe(0);
        (await AuditActionsAsync(subAccount)).ShouldContain("recharge.resumed");
        await api.LedgerIsCleanAsync();
    }

    [Fact]
    public async Task PaymentIntentSucceeded_WhileALostDisputeHoldsThePause_LeavesItPaused()
    {
        var (agency, subAccount, account, rechargeId) = await api.DippedDuringAnOutageAsync("lose_answers");
        await api.GiveUpAsync(rechargeId);
        await agency.WaitForRechargesAsync(subAccount, r => r.Single().GetProperty("state").GetString() == "failed");
        await PauseForADisputeAsync(subAccount);

        await api.OutageAsync(account, "off");
        await agency.GrantedRechargeAsync(subAccount);

        var settings = (await agency.SubAccountAsync(subAccount)).GetProperty("autoRecharge");
        settings.GetProperty("pausedAt").ValueKind.ShouldBe(JsonValueKind.String, "only the agency lifts a dispute's pause");
        (await AuditActionsAsync(subAccount)).ShouldNotContain("recharge.resumed");
    }

    // A lost dispute's pause, as ReversePayment records it, through the same use case.
    private async Task PauseForADisputeAsync(string subAccount)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var id = ResellerKit.Engine.Common.SubAccountId.From(Guid.Parse(subAccount));
        var account = await db.SubAccounts.Include(s => s.Agency).SingleAsync(s => s.Id == id, Ct);
        await db.InTransactionAsync<bool>(async token =>
        {
            await scope.ServiceProvider.GetRequiredService<AutoRechargePause>().PauseAsync(
                account, AutoRechargePauseCause.Dispute, "a payment was disputed", DateTimeOffset.UtcNow, token);
            await db.SaveChangesAsync(token);
            return true;
        }, Ct);
    }

    private async Task<List<string>> AuditActionsAsync(string subAccount)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var id = ResellerKit.Engine.Common.SubAccountId.From(Guid.Parse(subAccount));
        return await scope.ServiceProvider.GetRequiredService<EngineDbContext>().AuditEvents
            .Where(e => e.SubAccountId == id).Select(e => e.Action).ToListAsync(Ct);
    }
}

public sealed class StripeRechargePauseTestsOnSqlite(SqliteApi api) : StripeRechargePauseTests(api), IClassFixture<SqliteApi>;

public sealed class StripeRechargePauseTestsOnPostgres(PostgresApi api) : StripeRechargePauseTests(api), IClassFixture<PostgresApi>;
