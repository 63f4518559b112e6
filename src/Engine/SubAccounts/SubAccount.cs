using ResellerKit.Engine.Agencies;
using ResellerKit.Engine.Common;
using ResellerKit.Engine.Credits;
using ResellerKit.Engine.Recharges;

namespace ResellerKit.Engine.SubAccounts;

/// <summary>An agency's client. Holds its own wallet (used in reselling mode) and a sink for the credits it consumes.</summary>
public sealed partial class SubAccount
{
    private SubAccount()
    {
    }

    public SubAccountId Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public Agency? Agency { get; private set; }

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    public Ownership Ownership { get; private set; }

    public CreditMode CreditMode { get; private set; }

    public bool Paused { get; private set; }

    public long? UsageCapPerMonth { get; private set; }

    /// <summary>The month (yyyyMM, UTC) that <see cref="UsageMonthCredits"/> counts; a debit in a new month restarts it.</summary>
    public int UsageMonth { get; private set; }

    /// <summary>
    /// The month's usage from the source of the current mode (<see cref="Credits.MonthUsage"/>): in shared mode, what the
    /// monthly cap limits (the pool's credits); in reselling mode, the account's own.
    /// </summary>
    public long UsageMonthCredits { get; private set; }

    /// <summary>Credits a refund or dispute took back beyond what the wallet held; the agency sees it as a debt.</summary>
    public long DebtCredits { get; private set; }

    /// <summary>The client's customer on the agency's Stripe account, with its saved card, after a first purchase.</summary>
    public string? StripeCustomerId { get; private set; }

    /// <summary>The agency's plan for this sub-account; null means every feature the platform grants the agency.</summary>
    public Guid? PlanId { get; private set; }

    /// <summary>What the client sees on its dashboard, as the agency chose.</summary>
    public Reports.ReportMetrics ReportMetrics { get; private set; } = Reports.ReportMetrics.Usage | Reports.ReportMetrics.Balance;

    public Plans.Features FeaturesOn { get; private set; }

    public Plans.Features FeaturesOff { get; private set; }

    public List<Connections.Connection> Connections { get; private set; } = [];

    public WalletId WalletId { get; private set; }

    public WalletId ConsumedWalletId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public WalletRef Wallet => new(WalletId, AgencyId, WalletKind.SubAccount);

    public WalletRef Consumed => new(ConsumedWalletId, AgencyId, WalletKind.Consumed);

    public long UsedIn(int month) => UsageMonth == month ? UsageMonthCredits : 0;

    public static (SubAccount SubAccount, Wallet[] Wallets) Create(
        AgencyId agencyId, string name, string email, CreditMode mode, Ownership ownership, DateTimeOffset now)
    {
        var id = SubAccountId.New();
        Wallet[] wallets = [Credits.Wallet.Open(agencyId, WalletKind.SubAccount, id), Credits.Wallet.Open(agencyId, WalletKind.Consumed, id)];
        return (new SubAccount
        {
            Id = id,
            AgencyId = agencyId,
            Name = name.Trim(),
            Email = Input.NormalizeEmail(email),
            Ownership = ownership,
            CreditMode = mode,
            WalletId = wallets[0].Id,
            ConsumedWalletId = wallets[1].Id,
            CreatedAt = now,
        }, wallets);
    }

    public void Rename(string name) => Name = name.Trim();

    /// <summary>
    /// The account changes hands (<see cref="OwnershipTransfers.MoveSubAccount"/>): it now belongs to
    /// <paramref name="agencyId"/>, uses its own credits there, and drops what was tied to the old agency (its plan,
    /// its saved card on the old agency's Stripe account, auto-recharge).
    /// </summary>
    internal void MoveTo(AgencyId agencyId, Ownership ownership, WalletId walletId, WalletId consumedWalletId, int month, long usedOwnCredits)
    {
        AgencyId = agencyId;
        Ownership = ownership;
        SwitchMode(CreditMode.Reselling, month, usedOwnCredits);
        WalletId = walletId;
        ConsumedWalletId = consumedWalletId;
        StripeCustomerId = null;
        AssignPlan(null, Plans.Features.None, Plans.Features.None);
        ConfigureAutoRecharge(null);
    }

    /// <summary>
    /// Changes the mode, and with it what <see cref="UsageMonthCredits"/> counts: <paramref name="usedFromSource"/> is
    /// this month's usage from the new mode's source, read under the account's row lock.
    /// </summary>
    internal void SwitchMode(CreditMode mode, int month, long usedFromSource)
    {
        CreditMode = mode;
        UsageMonth = month;
        UsageMonthCredits = usedFromSource;
    }

    public void SetPaused(bool paused) => Paused = paused;

    public void SetUsageCap(long? capPerMonth) => UsageCapPerMonth = capPerMonth;

    public void RememberStripeCustomer(string customerId) => StripeCustomerId = customerId;

    public void ShowReports(Reports.ReportMetrics metrics) => ReportMetrics = metrics & Reports.ReportMetrics.All;

    public void AssignPlan(Guid? planId, Plans.Features on, Plans.Features off)
    {
        PlanId = planId;
        FeaturesOn = on;
        FeaturesOff = off & ~on;
    }

    public static int MonthOf(DateTimeOffset at) => at.UtcDateTime.Year * 100 + at.UtcDateTime.Month;
}
