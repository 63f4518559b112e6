using ResellerKit.Engine.Common;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// The storm's refusal check on journals small enough to reason about by hand, so that it is known to fail a
/// refusal nothing explains: a wallet that surely held enough, a conflict with no switch, a pause no one made.
/// </summary>
public sealed class StormRefusalsTests
{
    private static readonly AgencyId Agency = AgencyId.From(Guid.NewGuid());
    private static readonly SubAccountId Client = SubAccountId.From(Guid.NewGuid());

    private static StormFacts Facts(CreditMode mode = CreditMode.Reselling, long own = 100, long pool = 1_000, long? cap = null) => new(
        new Dictionary<string, long> { [StormFacts.Own(Client)] = own, [StormFacts.Pool(Agency)] = pool },
        new Dictionary<SubAccountId, CreditMode> { [Client] = mode },
        cap is null ? new Dictionary<SubAccountId, long>() : new Dictionary<SubAccountId, long> { [Client] = cap.Value },
        new Dictionary<SubAccountId, long>(),
        new HashSet<TransactionId>());

    private static StormOperation Usage(long credits, long started, long ended, string? refused = null, int? status = null) =>
        new(StormKind.Usage, Agency, Client, credits, started, ended)
        {
            Refused = refused,
            Status = status,
            Posted = refused is null ? TransactionId.From(Guid.NewGuid()) : null,
        };

    private static StormOperation Switch(CreditMode to, long started, long ended) => new(StormKind.Switch, Agency, Client, 0, started, ended) { Mode = to };

    [Fact]
    public void Unexplained_UsageRefusedWhileTheWalletSurelyHeldEnough_IsReported()
    {
        var refusals = new StormRefusals(Facts(own: 100), [Usage(10, 1, 2, "insufficient_credits", 402)]);

        refusals.Unexplained().ShouldHaveSingleItem().ShouldContain("insufficient_credits");
    }

    [Fact]
    public void Unexplained_UsageRefusedAfterDebitsThatMayHaveDrainedTheWallet_IsExplained()
    {
        var refusals = new StormRefusals(Facts(own: 100), [Usage(95, 1, 4), Usage(10, 3, 5, "insufficient_credits", 402)]);

        refusals.Unexplained().ShouldBeEmpty();
    }

    [Fact]
    public void Unexplained_AGrantThatSurelyLandedBeforeTheRefusalBegan_CountsForTheWallet()
    {
        var grant = new StormOperation(StormKind.Grant, Agency, Client, 50, 1, 2) { Posted = TransactionId.From(Guid.NewGuid()) };
        var refusals = new StormRefusals(Facts(own: 0), [grant, Usage(10, 3, 4, "insufficient_credits")]);

        refusals.Unexplained().ShouldHaveSingleItem();
    }

    [Fact]
    public void Unexplained_UsageConflictWithAndWithoutASwitchRunningMeanwhile()
    {
        var withSwitch = new StormRefusals(Facts(), [Switch(CreditMode.Shared, 2, 5), Usage(1, 3, 4, "conflict", 409)]);
        var without = new StormRefusals(Facts(), [Switch(CreditMode.Shared, 1, 2), Usage(1, 3, 4, "conflict", 409)]);

        withSwitch.Unexplained().ShouldBeEmpty();
        without.Unexplained().ShouldHaveSingleItem();
    }

    [Fact]
    public void Unexplained_APauseNoOneMadeOrAStatusThatDoesNotGoWithItsCode_IsReported()
    {
        var refusals = new StormRefusals(Facts(own: 0), [Usage(1, 1, 2, "account_paused", 423), Usage(1, 3, 4, "insufficient_credits", 409)]);

        refusals.Unexplained().Count().ShouldBe(2);
    }

    [Fact]
    public void Modes_AfterSwitchesThatMayHaveCommittedInEitherOrder_AreBothPossible()
    {
        var probe = Usage(1, 10, 11, "conflict");
        var ordered = new StormRefusals(Facts(CreditMode.Shared), [Switch(CreditMode.Reselling, 1, 2), Switch(CreditMode.Shared, 3, 4)]);
        var overlapping = new StormRefusals(Facts(CreditMode.Shared), [Switch(CreditMode.Reselling, 1, 4), Switch(CreditMode.Shared, 2, 3)]);

        ordered.Modes(probe).ShouldBe([CreditMode.Shared]);
        overlapping.Modes(probe).OrderBy(m => m).ShouldBe([CreditMode.Shared, CreditMode.Reselling]);
    }

    [Fact]
    public void Unexplained_SharedUsageOverTheMonthlyCap_IsExplainedOnlyOnceTheCapMayBeReached()
    {
        var under = new StormRefusals(Facts(CreditMode.Shared, cap: 100), [Usage(50, 1, 2), Usage(10, 3, 4, "insufficient_credits")]);
        var over = new StormRefusals(Facts(CreditMode.Shared, cap: 100), [Usage(95, 1, 2), Usage(10, 3, 4, "insufficient_credits")]);

        under.Unexplained().ShouldHaveSingleItem();
        over.Unexplained().ShouldBeEmpty();
    }
}
