namespace ResellerKit.Tests.Unit.Engine.Reports;

// Inside the namespace, so that `Credits` and `Reports` mean the Engine's types, not test folders.
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Reports;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

/// <summary>
/// Every figure of the agency dashboard and the sub-account report equals what <see cref="LedgerSums"/> adds up
/// straight from the ledger: with part of the history only in the ledger tail, and with all of it rolled up.
/// Runs once on SQLite and once on PostgreSQL.
/// </summary>
public abstract class DashboardFiguresTests(ReportsEngine engine)
{
    private const int HistoryDays = 100;
    private static readonly Granularity[] Granularities = [Granularity.Day, Granularity.Week, Granularity.Month];

    [Fact]
    public async Task AgencyDashboard_PartlyAndThenFullyRolledUp_EqualsTheSumsOfTheLedgerRows()
    {
        var agencyId = await SeedHistoryAsync();

        await RollUpAsync(lag: TimeSpan.FromDays(20));
        await ShouldSplitAcrossTheWatermarkAsync(agencyId);
        await ExpectAgencyFiguresAsync(agencyId);
        await RollUpAsync(lag: TimeSpan.Zero);
        await ExpectAgencyFiguresAsync(agencyId);
    }

    [Fact]
    public async Task SubAccountReport_PartlyAndThenFullyRolledUp_EqualsTheSumsOfTheLedgerRows()
    {
        var agencyId = await SeedHistoryAsync();

        await RollUpAsync(lag: TimeSpan.FromDays(45));
        await ShouldSplitAcrossTheWatermarkAsync(agencyId);
        await ExpectSubAccountFiguresAsync(agencyId);
        await RollUpAsync(lag: TimeSpan.Zero);
        await ExpectSubAccountFiguresAsync(agencyId);
    }

    [Fact]
    public async Task Rollup_WhenAnEarlierTransactionCarriesALaterTime_WaitsForItInsteadOfSkippingIt()
    {
        var agency = await engine.NewAgencyAsync();
        (await engine.GrantPoolAsync(agency.Id, new GrantCommand(new Credits(1_000), "pool"))).IsSuccess.ShouldBeTrue();
        var client = await engine.NewSubAccountAsync(agency.Id, CreditMode.Shared);
        await RollUpAsync(lag: TimeSpan.Zero);
        // Two nodes whose clocks disagree by ten minutes: the earlier row in the ledger carries the later time.
        engine.Clock.Advance(TimeSpan.FromMinutes(10));
        (await engine.UseAsync(client, 5)).IsSuccess.ShouldBeTrue();
        engine.Clock.Advance(TimeSpan.FromMinutes(-10));
        (await engine.UseAsync(client, 7)).IsSuccess.ShouldBeTrue();
        engine.Clock.Advance(TimeSpan.FromMinutes(2));

        await RollUpAsync(lag: LedgerRollup.Lag);
        var meanwhile = await AgencyDashboardAsync(agency.Id, Period(Granularity.Day));
        engine.Clock.Advance(TimeSpan.FromMinutes(10));
        await RollUpAsync(lag: LedgerRollup.Lag);
        var after = await AgencyDashboardAsync(agency.Id, Period(Granularity.Day));

        meanwhile.UsedCredits.ShouldBe(12);
        after.UsedCredits.ShouldBe(12);
        after.Ranking.ShouldHaveSingleItem().Credits.ShouldBe(12);
    }

    private async Task ExpectAgencyFiguresAsync(AgencyId agencyId)
    {
        var sums = await engine.InScopeAsync(s => LedgerSums.ReadAsync(s.GetRequiredService<EngineDbContext>(), agencyId));
        foreach (var granularity in Granularities)
        {
            var period = Period(granularity);
            var dashboard = await AgencyDashboardAsync(agencyId, period);

            dashboard.UsedCredits.ShouldBe(sums.Used(period), $"used, by {granularity}");
            dashboard.UsedCredits.ShouldBeGreaterThan(0);
            ShouldMatch(dashboard.Series, sums.Series(period), period);
            dashboard.Ranking.ToDictionary(r => r.SubAccountId, r => r.Credits).ShouldBe(sums.UsageBySubAccount(period), ignoreOrder: true, $"ranking, by {granularity}");
            dashboard.Ranking.Select(r => r.Credits).ShouldBeInOrder(SortDirection.Descending);
            dashboard.Revenue.ShouldBe(sums.Revenue(period), $"revenue and platform fee, by {granularity}");
        }
    }

    private async Task ExpectSubAccountFiguresAsync(AgencyId agencyId)
    {
        var sums = await engine.InScopeAsync(s => LedgerSums.ReadAsync(s.GetRequiredService<EngineDbContext>(), agencyId));
        foreach (var (subAccountId, balance) in sums.WalletBalances)
        {
            foreach (var granularity in Granularities)
            {
                var period = Period(granularity);
                var report = await engine.InScopeAsync(s => s.GetRequiredService<DashboardQueries>().SubAccountAsync(agencyId, subAccountId, period, Ct));

                report.PurchasedCredits.ShouldBe(sums.Bought(period, subAccountId), $"bought, by {granularity}");
                report.Spend.ShouldBe(sums.Revenue(period, subAccountId), $"spend, by {granularity}");
                report.ConsumedCredits.ShouldBe(sums.Used(period, subAccountId), $"consumed, by {granularity}");
                report.RemainingCredits.ShouldBe(balance, "remaining");
                ShouldMatch(report.Trend, sums.Series(period, subAccountId), period);
                report.Campaigns.ToDictionary(c => c.Campaign, c => c.Credits).ShouldBe(sums.UsageByCampaign(period, subAccountId), ignoreOrder: true, $"campaigns, by {granularity}");
                report.Campaigns.Select(c => c.Credits).ShouldBeInOrder(SortDirection.Descending);
            }
        }
    }

    // Every bucket of the period once, oldest first, with the ledger's usage in it (zero for quiet buckets).
    private static void ShouldMatch(IReadOnlyList<UsagePoint> series, Dictionary<DateOnly, long> expected, ReportPeriod period)
    {
        series.Select(p => p.Start).ShouldBeUnique();
        series.Select(p => p.Start).ShouldBeInOrder(SortDirection.Ascending);
        series.ShouldAllBe(p => p.Start == LedgerSums.BucketOf(period.Granularity, p.Start));
        series[0].Start.ShouldBe(LedgerSums.BucketOf(period.Granularity, period.From));
        series[^1].Start.ShouldBe(LedgerSums.BucketOf(period.Granularity, period.To));
        series.Where(p => p.Credits != 0).ToDictionary(p => p.Start, p => p.Credits).ShouldBe(expected, ignoreOrder: true, $"usage by {period.Granularity}");
    }

    private Task<AgencyDashboard> AgencyDashboardAsync(AgencyId agencyId, ReportPeriod period) =>
        engine.InScopeAsync(s => s.GetRequiredService<DashboardQueries>().AgencyAsync(agencyId, period, Ct));

    private ReportPeriod Period(Granularity granularity) =>
        ReportPeriod.Default(granularity, DateOnly.FromDateTime(engine.Clock.GetUtcNow().UtcDateTime));

    private Task RollUpAsync(TimeSpan lag) =>
        engine.InScopeAsync(async s => { await s.GetRequiredService<LedgerRollup>().RunUntilCaughtUpAsync(Ct, lag); return true; });

    private async Task ShouldSplitAcrossTheWatermarkAsync(AgencyId agencyId)
    {
        var watermark = await engine.InScopeAsync(s => s.GetRequiredService<LedgerRollup>().WatermarkAsync(Ct));
        var sums = await engine.InScopeAsync(s => LedgerSums.ReadAsync(s.GetRequiredService<EngineDbContext>(), agencyId));
        sums.Rows.Count(r => r.Type == TransactionType.Usage && r.Sequence <= watermark).ShouldBeGreaterThan(0, "some usage is rolled up");
        sums.Rows.Count(r => r.Type == TransactionType.Usage && r.Sequence > watermark).ShouldBeGreaterThan(0, "some usage is only in the ledger tail");
    }

    /// <summary>
    /// About a hundred days of an agency's life, a day at a time on the test clock: a client on the shared pool, one
    /// that buys packs (one refunded in part), one on Stripe auto-recharge, each using credits on some days for one of
    /// two campaigns or none. The clock ends where it started.
    /// </summary>
    private async Task<AgencyId> SeedHistoryAsync()
    {
        await RollUpAsync(lag: TimeSpan.Zero); // Whatever other tests left behind, so that only this history straddles the watermark.
        var end = engine.Clock.GetUtcNow();
        engine.Clock.Advance(new DateTimeOffset(end.UtcDateTime.Date.AddDays(-HistoryDays), TimeSpan.Zero) - end);
        var agency = await engine.NewAgencyAsync();
        (await engine.GrantPoolAsync(agency.Id, new GrantCommand(new Credits(1_000_000), "pool"))).IsSuccess.ShouldBeTrue();
        var pack = await engine.SellPackAsync(agency.Id, "Starter", 300, 4_500);
        SubAccount[] clients =
        [
            await engine.NewSubAccountAsync(agency.Id, CreditMode.Shared),
            await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling),
            await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling),
        ];
        var (pool, buyer, recharger) = (clients[0], clients[1], clients[2]);
        var firstPurchase = await engine.BuyAsync(buyer, pack);
        await engine.BuyAsync(recharger, pack);
        await engine.TurnOnStripeAutoRechargeAsync(recharger, threshold: 60, target: 250);
        var random = new Random(8);
        string?[] campaigns = ["spring-promo", "newsletter", null];
        for (var day = 0; day < HistoryDays; day++)
        {
            var morning = engine.Clock.GetUtcNow();
            foreach (var (client, hour) in new[] { (pool, 2), (buyer, 9), (recharger, 17) })
            {
                engine.Clock.Advance(TimeSpan.FromHours(hour) - (engine.Clock.GetUtcNow() - morning));
                if (random.Next(4) == 0)
                {
                    continue; // A quiet day for this client.
                }
                var credits = random.Next(1, 40);
                if ((await engine.UseAsync(client, credits, campaigns[random.Next(campaigns.Length)])).Error is InsufficientCredits)
                {
                    await engine.BuyAsync(client, pack);
                    (await engine.UseAsync(client, credits, campaigns[random.Next(campaigns.Length)])).IsSuccess.ShouldBeTrue();
                }
            }
            await engine.ChargeOpenRechargeAsync(recharger);
            if (day == 40)
            {
                (await engine.RefundAsync(firstPurchase, 1_500)).ShouldBeTrue();
            }
            engine.Clock.Advance(morning.AddDays(1) - engine.Clock.GetUtcNow());
        }
        engine.Clock.Advance(end - engine.Clock.GetUtcNow());
        (await engine.VerifyAsync()).Problems.ShouldBeEmpty();
        return agency.Id;
    }
}

public sealed class DashboardFiguresTestsOnSqlite(SqliteReportsEngine engine) : DashboardFiguresTests(engine), IClassFixture<SqliteReportsEngine>;

public sealed class DashboardFiguresTestsOnPostgres(PostgresReportsEngine engine) : DashboardFiguresTests(engine), IClassFixture<PostgresReportsEngine>;
