using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Recharges;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Recharges;

/// <summary>The recharges table as the migrations leave it, on a real database: SQLite and PostgreSQL.</summary>
public abstract class RechargeSchemaTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly EngineFixture engine = new(provider);

    public ValueTask InitializeAsync() => engine.InitializeAsync();

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    // A refund finds its recharge by its payment intent: one payment is one recharge's, and most recharges have none yet.
    [Fact]
    public async Task Migrate_RechargesPaymentIntentId_IsUniqueAndMayBeUnsetOnManyRecharges()
    {
        var ids = await OpenRechargesAsync(4);

        var first = await SetPaymentIntentAsync(ids[0], "pi_one");
        var second = await SetPaymentIntentAsync(ids[1], "pi_one");
        var other = await SetPaymentIntentAsync(ids[2], "pi_two");

        first.ShouldBeTrue();
        second.ShouldBeFalse("a payment is one recharge's; the unique index refuses a second");
        other.ShouldBeTrue();
        var unset = await engine.InScopeAsync(s => s.GetRequiredService<EngineDbContext>().Recharges.CountAsync(r => r.PaymentIntentId == null, Ct));
        unset.ShouldBe(2, "recharges without a payment yet may be many");
    }

    // Stripe recharges of one sub-account, open as RechargeTrigger opens them, none charged yet.
    private async Task<List<RechargeId>> OpenRechargesAsync(int count)
    {
        var agency = await engine.NewAgencyAsync();
        var subAccount = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);
        return await engine.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<EngineDbContext>();
            var recharges = Enumerable.Range(0, count).Select(_ => Recharge.Open(agency.Id, subAccount.Id, RechargeProvider.Stripe, 10, 50, 200,
                DateTimeOffset.UtcNow, null)).ToList();
            db.Recharges.AddRange(recharges);
            await db.SaveChangesAsync(Ct);
            return recharges.Select(r => r.Id).ToList();
        });
    }

    // False when the database refuses it.
    private Task<bool> SetPaymentIntentAsync(RechargeId id, string paymentIntentId) => engine.InScopeAsync(async s =>
    {
        try
        {
            await s.GetRequiredService<EngineDbContext>().Recharges.Where(r => r.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.PaymentIntentId, paymentIntentId), Ct);
            return true;
        }
        catch (Exception e) when (e is DbException || e.InnerException is DbException)
        {
            return false;
        }
    });
}

public sealed class RechargeSchemaTestsOnSqlite() : RechargeSchemaTests(DatabaseProvider.Sqlite);

public sealed class RechargeSchemaTestsOnPostgres() : RechargeSchemaTests(DatabaseProvider.Postgres);
