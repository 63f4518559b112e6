namespace ResellerKit.Tests.Unit.Engine.Credits;

// Inside the namespace, so that `Credits` means the type, not this test folder.
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Credits.GroupCommit;
using ResellerKit.Engine.Idempotency;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Engine.Telemetry;
using ResellerKit.Tests.Unit.Support;

/// <summary>
/// <c>resellerkit.usage.refusals</c> counts each refused debit once, even when the ledger writer decided it twice: set-wise
/// with the debits beside it, then one by one after that group could not be written. Each test has a database of its
/// own (the fault is a trigger on it), and the class runs alone, so that every refusal counted is its own.
/// </summary>
[Collection(nameof(UsageRefusalCountCollection))]
public abstract class UsageRefusalCountTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Failing = "injected failure";
    private readonly EngineFixture engine = new(provider);

    public ValueTask InitializeAsync() => engine.InitializeAsync();

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    [Fact]
    public async Task HandleAsync_RefusedDebitWhoseSetwiseGroupFellBack_IsCountedOnce()
    {
        var agency = await engine.NewAgencyAsync();
        var empty = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);
        var funded = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);
        await engine.GrantPoolAsync(agency.Id, new GrantCommand(new Credits(100), "test"));
        await engine.GrantAsync(funded, new GrantCommand(new Credits(50), "test"));
        await FailInsertsOfUsageDescribedAsync(Failing);
        var refusals = new ConcurrentBag<string>();
        using var listener = Listen(refusals);

        // The writer is held by an operation of its own while both debits queue, so they are applied as one group.
        var release = new TaskCompletionSource();
        var holding = new TaskCompletionSource();
        var queue = engine.Services.GetRequiredService<LedgerQueue>();
        await using var scope = engine.Services.CreateAsyncScope();
        var held = queue.RunAsync(scope.ServiceProvider.GetRequiredService<EngineDbContext>(), scope.ServiceProvider, [], async (_, _) =>
        {
            holding.SetResult();
            await release.Task;
            return 0;
        }, Ct);
        await holding.Task;
        var refused = DebitAsync(empty, new UsageCommand(new Credits(5)));
        var failing = DebitAsync(funded, new UsageCommand(new Credits(5), Description: Failing));
        release.SetResult();
        await held;

        (await refused).Error.ShouldBeOfType<InsufficientCredits>();
        await Should.ThrowAsync<Exception>(failing); // it failed set-wise, so the group fell back, and failed again on its own
        refusals.Count(code => code == "insufficient_credits").ShouldBe(1);
    }

    // As the usage route sends a debit that carried an Idempotency-Key: its reply is stored with it.
    private async Task<Result<Debited>> DebitAsync(SubAccount subAccount, UsageCommand command)
    {
        await using var scope = engine.Services.CreateAsyncScope();
        var tenant = Tenant.Of(subAccount.AgencyId);
        var request = new KeyedRequest(IdempotencyScopes.Of(tenant), Guid.NewGuid().ToString("N"), "hash");
        var keyed = await scope.ServiceProvider.GetRequiredService<DebitUsage>().HandleAsync(
            tenant, subAccount.Id, command, request, debited => new StoredReply(debited.IsSuccess ? 201 : 402, null, null, []), Ct);
        return keyed.Value;
    }

    private static MeterListener Listen(ConcurrentBag<string> refusals)
    {
        var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument == EngineTelemetry.UsageRefusals) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "code") refusals.Add((string)tag.Value!);
        });
        listener.Start();
        return listener;
    }

    // A fault the set-wise write and the one-by-one path both meet: inserting a usage transaction with this description.
    private Task FailInsertsOfUsageDescribedAsync(string description) => engine.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<EngineDbContext>();
        var table = db.Model.FindEntityType(typeof(LedgerTransaction))!.GetTableName();
        var sql = db.Database.IsNpgsql()
            ? [$"CREATE FUNCTION fail_marked_usage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.\"Description\" = '{description}' THEN RAISE EXCEPTION '{description}'; END IF; RETURN NEW; END $$",
                $"CREATE TRIGGER fail_marked_usage BEFORE INSERT ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION fail_marked_usage()"]
            : new[] { $"CREATE TRIGGER fail_marked_usage BEFORE INSERT ON \"{table}\" WHEN NEW.\"Description\" = '{description}' BEGIN SELECT RAISE(ABORT, '{description}'); END" };
        foreach (var statement in sql) await db.Database.ExecuteSqlRawAsync(statement, Ct);
        return 0;
    });
}

/// <summary>Alone in the process while it runs, so that the refusals it counts are its own.</summary>
[CollectionDefinition(nameof(UsageRefusalCountCollection), DisableParallelization = true)]
public sealed class UsageRefusalCountCollection;

public sealed class UsageRefusalCountTestsOnSqlite() : UsageRefusalCountTests(DatabaseProvider.Sqlite);

public sealed class UsageRefusalCountTestsOnPostgres() : UsageRefusalCountTests(DatabaseProvider.Postgres);
