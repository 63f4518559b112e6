using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Purchases;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>
/// Issue 15, P4: the grants of one ledger batch share its DbContext, and every save (with the interceptors that look at
/// each tracked entry) scanned what the batch's earlier grants had saved. A grant in a batch now lets go of what it
/// saved; run inline in a caller's transaction it leaves the caller's context as it was.
/// </summary>
public abstract class CheckoutGrantContextTests(ApiFixture api)
{
    [Fact]
    public async Task GrantAsync_InABatch_LeavesTheSharedContextTrackingNothing()
    {
        var (purchase, session) = await PendingPurchaseAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();

        var granted = await scope.ServiceProvider.GetRequiredService<CheckoutGrant>().GrantAsync(purchase, session, inBatch: true, Ct);

        granted.ShouldBeTrue();
        db.ChangeTracker.Entries().ShouldBeEmpty("the batch's next grant need not scan what this one saved");
        (await db.LedgerTransactions.CountAsync(t => t.IdempotencyKey == $"checkout:{session.Id}", Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task GrantAsync_InlineInACallersContext_KeepsWhatTheCallerTracks()
    {
        var (purchase, session) = await PendingPurchaseAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
        var callers = await db.Agencies.SingleAsync(a => a.Id == purchase.AgencyId, Ct);

        var granted = await scope.ServiceProvider.GetRequiredService<CheckoutGrant>().GrantAsync(purchase, session, inBatch: false, Ct);

        granted.ShouldBeTrue();
        db.ChangeTracker.Entries().ShouldContain(e => ReferenceEquals(e.Entity, callers), "an entity the caller loaded stays tracked, so its later changes are saved");
    }

    private async Task<(Purchase Purchase, CheckoutStatus Session)> PendingPurchaseAsync()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        var opened = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        var sessionId = opened.GetProperty("id").GetString()!;
        await using var scope = api.Services.CreateAsyncScope();
        var purchase = await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Purchases.AsNoTracking()
            .Include(p => p.SubAccount).ThenInclude(s => s!.Agency).SingleAsync(p => p.CheckoutSessionId == sessionId, Ct);
        return (purchase, new CheckoutStatus(sessionId, "complete", "paid", purchase.Amount, purchase.Currency, "pi_test_" + Guid.NewGuid().ToString("N"), null));
    }
}

public sealed class CheckoutGrantContextTestsOnSqlite(SqliteApi api) : CheckoutGrantContextTests(api), IClassFixture<SqliteApi>;

public sealed class CheckoutGrantContextTestsOnPostgres(PostgresApi api) : CheckoutGrantContextTests(api), IClassFixture<PostgresApi>;
