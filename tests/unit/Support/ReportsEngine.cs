using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using ResellerKit.Engine.Purchases;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>
/// The Engine with Stripe as a port (NSubstitute): the agency connects at once, every checkout it opens is paid in
/// full, and off-session charges succeed. Purchases, refunds and auto-recharges then post their real ledger rows at
/// the test clock's time, so a test can lay down months of history.
/// </summary>
public class ReportsEngine : EngineFixture
{
    private readonly ConcurrentDictionary<string, CheckoutRequest> sessions = new();

    protected ReportsEngine(ResellerKit.Engine.Persistence.DatabaseProvider provider) : base(provider)
    {
        Gateway.Enabled.Returns(true);
        Gateway.CreateConnectedAccountAsync(default!, default!, default)
            .ReturnsForAnyArgs(new ConnectedAccount("acct_reports", ChargesEnabled: true, DetailsSubmitted: true));
        Gateway.GetConnectedAccountAsync(default!, default)
            .ReturnsForAnyArgs(call => new ConnectedAccount(call.Arg<string>(), ChargesEnabled: true, DetailsSubmitted: true));
        Gateway.CreateCheckoutAsync(default!, default).ReturnsForAnyArgs(call =>
        {
            var request = call.Arg<CheckoutRequest>();
            var id = "cs_" + request.IdempotencyKey.Replace("-", "", StringComparison.Ordinal);
            sessions[id] = request;
            return new CheckoutSession(id, "https://checkout.test/" + id);
        });
        Gateway.GetCheckoutAsync(default!, default!, default).ReturnsForAnyArgs(call =>
        {
            var id = call.ArgAt<string>(1);
            return sessions.TryGetValue(id, out var r)
                ? new CheckoutStatus(id, "complete", "paid", r.Amount, r.Currency, "pi_" + id[3..], "cus_reports")
                : null;
        });
        Gateway.GetPaymentMethodAsync(default!, default!, default).ReturnsForAnyArgs("pm_card_visa");
        Gateway.ChargeOffSessionAsync(default!, default).ReturnsForAnyArgs(call =>
            new OffSessionResult(true, "pi_" + call.Arg<OffSessionCharge>().IdempotencyKey, null, null));
    }

    public IPaymentGateway Gateway { get; } = Substitute.For<IPaymentGateway>();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(Gateway);
}

public sealed class SqliteReportsEngine() : ReportsEngine(ResellerKit.Engine.Persistence.DatabaseProvider.Sqlite);

public sealed class PostgresReportsEngine() : ReportsEngine(ResellerKit.Engine.Persistence.DatabaseProvider.Postgres);
