namespace ResellerKit.Tests.Unit.Engine.Credits;

// Inside the namespace, so that `Credits` means the type, not this test folder.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.SubAccounts;
using ResellerKit.Tests.Unit.Support;

/// <summary>
/// Fault injection: each case breaks one ledger invariant behind the Engine's back, through SQL, as a buggy write
/// path or a hand edit would, and the verifier must name that invariant and the row. The verifier is checked first
/// on the same rows, so it is the injected fault that it catches. (A drifted cached balance is in <see cref="LedgerTests"/>.)
/// Each test breaks a database of its own, so the ledger is clean before its fault and every problem after it is
/// that fault's.
/// </summary>
public abstract class LedgerFaultInjectionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly EngineFixture engine = new(provider);

    public ValueTask InitializeAsync() => engine.InitializeAsync();

    public ValueTask DisposeAsync() => engine.DisposeAsync();

    private sealed record Scene(Agency Agency, SubAccount Shared, SubAccount Reselling, long UsageSequence);

    [Fact]
    public Task Verify_WhenOnePostingIsDeleted_NamesTheUnbalancedTransactionAndTheWallet() => CatchesAsync(async (db, scene) =>
    {
        await db.LedgerEntries.Where(e => e.TransactionSequence == scene.UsageSequence && e.WalletId == scene.Reselling.WalletId).ExecuteDeleteAsync(Ct);
        return [$"{LedgerInvariants.Balanced}: transaction #{scene.UsageSequence}:", $"{LedgerInvariants.BalanceIsEntries}: wallet {scene.Reselling.WalletId}"];
    });

    [Fact]
    public Task Verify_WhenAnEntryAmountIsChanged_NamesTheUnbalancedTransaction() => CatchesAsync(async (db, scene) =>
    {
        await db.LedgerEntries.Where(e => e.TransactionSequence == scene.UsageSequence && e.WalletId == scene.Reselling.ConsumedWalletId)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Amount, e => e.Amount + 1), Ct);
        return [$"{LedgerInvariants.Balanced}: transaction #{scene.UsageSequence}: 2 entries summing to 1",
            $"{LedgerInvariants.BalanceIsEntries}: wallet {scene.Reselling.ConsumedWalletId}"];
    });

    [Fact]
    public Task Verify_WhenEveryEntryOfATransactionIsDeleted_NamesTheEmptyTransaction() => CatchesAsync(async (db, scene) =>
    {
        await db.LedgerEntries.Where(e => e.TransactionSequence == scene.UsageSequence).ExecuteDeleteAsync(Ct);
        return [$"{LedgerInvariants.HasEntries}: transaction #{scene.UsageSequence} has no entries",
            $"{LedgerInvariants.BalanceIsEntries}: wallet {scene.Reselling.WalletId}", $"{LedgerInvariants.BalanceIsEntries}: wallet {scene.Reselling.ConsumedWalletId}"];
    });

    [Fact]
    public Task Verify_WhenALotIsDrainedWithoutAnEntry_NamesTheWallet() => CatchesAsync(async (db, scene) =>
    {
        await db.CreditLots.Where(l => l.WalletId == scene.Reselling.WalletId && l.Remaining > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Remaining, l => l.Remaining - 1), Ct);
        return [$"{LedgerInvariants.LotsAreBalance}: wallet {scene.Reselling.WalletId}"];
    });

    [Fact]
    public Task Verify_WhenTheMonthlyUsageCounterDrifts_NamesTheSubAccount() => CatchesAsync(async (db, scene) =>
    {
        await db.SubAccounts.Where(s => s.Id == scene.Shared.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.UsageMonthCredits, s => s.UsageMonthCredits + 5), Ct);
        return [$"{LedgerInvariants.UsageCounter}: sub-account {scene.Shared.Id}: the monthly usage counter says 25 but the ledger holds 20"];
    });

    [Fact]
    public Task Verify_WhenAnEntryIsRelabelledToAnotherAgency_NamesTheEntry() => CatchesAsync(async (db, scene) =>
    {
        var other = await engine.NewAgencyAsync();
        var entry = await db.LedgerEntries.Where(e => e.TransactionSequence == scene.UsageSequence).Select(e => e.Id).FirstAsync(Ct);
        await db.LedgerEntries.Where(e => e.Id == entry).ExecuteUpdateAsync(set => set.SetProperty(e => e.AgencyId, other.Id), Ct);
        return [$"{LedgerInvariants.EntryTenant}: entry {entry} "];
    });

    [Fact]
    public Task Verify_WhenASubAccountPointsAtAnotherOnesWallet_NamesTheSubAccount() => CatchesAsync(async (db, scene) =>
    {
        await db.SubAccounts.Where(s => s.Id == scene.Reselling.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.WalletId, scene.Shared.WalletId), Ct);
        return [$"{LedgerInvariants.WalletOwnership}: sub-account {scene.Reselling.Id} "];
    });

    // Builds fresh activity on a clean ledger, checks that the verifier says nothing about it, breaks it, and expects
    // the named problems and nothing else.
    private async Task CatchesAsync(Func<EngineDbContext, Scene, Task<string[]>> inject)
    {
        var scene = await SceneAsync();
        var before = await engine.VerifyAsync();

        var expected = await engine.InScopeAsync(s => inject(s.GetRequiredService<EngineDbContext>(), scene));
        var after = await engine.VerifyAsync();

        before.Problems.ShouldBeEmpty("the ledger was clean before the fault");
        foreach (var problem in expected)
        {
            after.Problems.ShouldContain(p => p.StartsWith(problem, StringComparison.Ordinal), string.Join("\n", after.Problems));
        }
        after.Problems.ShouldAllBe(p => expected.Any(e => p.StartsWith(e, StringComparison.Ordinal)),
            "every problem found is one the fault explains:\n" + string.Join("\n", after.Problems));
    }

    private async Task<Scene> SceneAsync()
    {
        var agency = await engine.NewAgencyAsync();
        await engine.GrantPoolAsync(agency.Id, new GrantCommand(new Credits(300), "pool"));
        var shared = await engine.NewSubAccountAsync(agency.Id, CreditMode.Shared);
        var reselling = await engine.NewSubAccountAsync(agency.Id, CreditMode.Reselling);
        await engine.GrantAsync(reselling, new GrantCommand(new Credits(100), "own"));
        (await engine.UseAsync(shared, 20)).IsSuccess.ShouldBeTrue();
        var usage = await engine.UseAsync(reselling, 10);
        var sequence = await engine.InScopeAsync(s => s.GetRequiredService<EngineDbContext>().LedgerTransactions
            .Where(t => t.Id == usage.Value.Id).Select(t => t.Sequence).SingleAsync(Ct));
        return new Scene(agency, shared, reselling, sequence);
    }
}

public sealed class LedgerFaultInjectionTestsOnSqlite() : LedgerFaultInjectionTests(DatabaseProvider.Sqlite);

public sealed class LedgerFaultInjectionTestsOnPostgres() : LedgerFaultInjectionTests(DatabaseProvider.Postgres);
