using ResellerKit.Engine.Persistence;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>
/// The sandbox sends its webhooks to a path that answers 404, so none of them arrives: a test delivers Stripe's events
/// itself (<see cref="CheckoutDriver.SandboxEventAsync"/>), in the order it chooses, as Stripe may.
/// </summary>
public abstract class HeldWebhooksApi(DatabaseProvider provider) : ApiFixture(provider)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Stripe:SandboxWebhookUrl"] = "http://resellerkit.test/nowhere",
    };
}

public sealed class HeldWebhooksSqliteApi() : HeldWebhooksApi(DatabaseProvider.Sqlite);

public sealed class HeldWebhooksPostgresApi() : HeldWebhooksApi(DatabaseProvider.Postgres);
