using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Outbox;
using ResellerKit.Engine.Persistence;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Payments;

/// <summary>
/// Issue 15: credits landed 2-3 s after Pay, because the sandbox's webhook waited for the outbox's next poll (the
/// worker was nudged before the commit, found nothing, and slept) and then queued behind emails and agency webhooks.
/// Here the poll is ten minutes apart, so only the hand-over after commit can deliver in time, and the default lane is
/// full of deliveries that hang.
/// </summary>
public abstract class PromptFulfilmentTests(SlowPollApi api)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Pay_WithTheOutboxPollTenMinutesApart_GrantsTheCreditsAtOnce()
    {
        var (agency, subAccount, checkoutUrl) = await OpenCheckoutAsync();

        await api.PayAsync(checkoutUrl);
        var balance = await Eventually.ReturnsAsync(() => BalanceAsync(agency, subAccount), b => b == 100, Prompt);

        balance.ShouldBe(100, "the committed webhook is delivered at once, not at the next poll ten minutes later");
        (await agency.PurchaseAsync(subAccount)).GetProperty("state").GetString().ShouldBe("fulfilled");
    }

    [Fact]
    public async Task Pay_WhileEveryDefaultLaneSlotHangs_GrantsTheCreditsAtOnce()
    {
        var (agency, subAccount, checkoutUrl) = await OpenCheckoutAsync();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            for (var i = 0; i < 20; i++)
            {
                outbox.Enqueue(HangingHandler.TopicName, $"hang-{Guid.NewGuid():N}", "{}");
            }
            await scope.ServiceProvider.GetRequiredService<EngineDbContext>().SaveChangesAsync(Ct);
        }
        await Eventually.ReturnsAsync(() => Task.FromResult(api.Hanging.Started), n => n >= 8, Prompt);

        await api.PayAsync(checkoutUrl);
        var balance = await Eventually.ReturnsAsync(() => BalanceAsync(agency, subAccount), b => b == 100, Prompt);
        var stillHanging = api.Hanging.Started;
        api.Hanging.Release();

        balance.ShouldBe(100, "payments have their own lane");
        stillHanging.ShouldBe(8, "the default lane's slots were all taken by hanging deliveries the whole time");
    }

    private async Task<(TestAgency Agency, string SubAccount, string CheckoutUrl)> OpenCheckoutAsync()
    {
        var agency = await api.CreateAgencyAsync();
        var pack = await agency.CreatePackAsync("Starter", 100, 1_500);
        var subAccount = await agency.CreateSubAccountAsync("reselling");
        var session = await (await agency.CheckoutAsync(subAccount, new { packId = pack })).ExpectAsync(HttpStatusCode.Created);
        return (agency, subAccount, session.GetProperty("url").GetString()!);
    }

    private static async Task<long> BalanceAsync(TestAgency agency, string subAccount) =>
        (await agency.BalanceAsync(subAccount)).GetProperty("balance").GetInt64();
}

public sealed class PromptFulfilmentTestsOnSqlite(SlowPollSqliteApi api) : PromptFulfilmentTests(api), IClassFixture<SlowPollSqliteApi>;

public sealed class PromptFulfilmentTestsOnPostgres(SlowPollPostgresApi api) : PromptFulfilmentTests(api), IClassFixture<SlowPollPostgresApi>;

/// <summary>An install whose outbox polls every ten minutes, with a topic whose deliveries hang until released.</summary>
public abstract class SlowPollApi(DatabaseProvider provider) : ApiFixture(provider)
{
    public HangingHandler Hanging { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Outbox:PollInterval"] = "00:10:00",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IOutboxHandler>(Hanging);
}

public sealed class SlowPollSqliteApi() : SlowPollApi(DatabaseProvider.Sqlite);

public sealed class SlowPollPostgresApi() : SlowPollApi(DatabaseProvider.Postgres);

/// <summary>A default-lane delivery that hangs (as an SMTP server or an agency's endpoint can) until the test releases it.</summary>
public sealed class HangingHandler : IOutboxHandler
{
    public const string TopicName = "test.hang";

    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int started;

    public string Topic => TopicName;

    public int Started => Volatile.Read(ref started);

    public void Release() => release.TrySetResult();

    public async Task<OutboxOutcome> HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        Interlocked.Increment(ref started);
        await release.Task.WaitAsync(ct);
        return OutboxOutcome.Delivered;
    }
}
