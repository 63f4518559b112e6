using ResellerKit.Engine.Common;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Engine.Credits;

/// <summary>
/// What <see cref="SetwiseUsage"/> decided for a batch, in memory: each event's result, the debits to write, and the
/// running state of every sub-account's month, wallet and lot as the debits left it (and as it was read, for the guards).
/// </summary>
internal sealed class UsagePlan(int events, int month, DateTimeOffset now)
{
    public UsageResult?[] Results { get; } = new UsageResult?[events];

    public List<DebitRow> Rows { get; } = [];

    public Dictionary<WalletId, WalletState> Wallets { get; } = [];

    public Dictionary<SubAccountId, MonthState> SubAccounts { get; } = [];

    public int Month { get; } = month;

    public DateTimeOffset Now { get; } = now;

    // The debits' transaction ids, their random bytes drawn a few dozen at a time.
    private readonly Version7Guids ids = new();

    /// <summary>
    /// Decides one debit as <see cref="ApplyUsage"/> would, in the same order: the monthly cap (shared mode), then the
    /// balance. Null when it is out of the common case (expired lots, lots that do not sum to the balance, a sink at its
    /// ceiling): the whole batch then goes one by one.
    /// </summary>
    public UsageResult? Debit(UsageFacts facts, UsageEvent usage, string scope)
    {
        var credits = usage.Command.Credits.Units;
        if (!SubAccounts.TryGetValue(facts.Id, out var used))
        {
            used = SubAccounts[facts.Id] = new MonthState(facts, facts.UsageMonth == Month ? facts.UsageMonthCredits : 0);
        }
        if (!Wallets.TryGetValue(facts.Source, out var source) || !source.Usable
            || !Wallets.TryGetValue(facts.Consumed, out var consumed) || consumed.Balance > WalletBounds.Ceiling(credits))
        {
            return null;
        }
        if (facts.Mode == CreditMode.Shared && facts.CapPerMonth is { } cap && used.Used + credits > cap)
        {
            return UsageResult.Refused(new UsageCapReached(cap, used.Used, credits));
        }
        if (source.Balance < credits)
        {
            return UsageResult.Refused(new InsufficientCredits(credits, source.Balance));
        }
        used.Used += credits;
        source.Take(credits);
        consumed.Balance += credits;
        var row = new DebitRow(TransactionId.From(ids.Next()), facts, usage, scope, credits);
        Rows.Add(row);
        return UsageResult.Applied(row.Id, -credits);
    }
}

/// <summary>One applied debit, to be written: its transaction (its key in the caller's <paramref name="Scope"/>) and two entries.</summary>
internal sealed record DebitRow(TransactionId Id, UsageFacts Facts, UsageEvent Usage, string Scope, long Credits);

/// <summary>A sub-account's usage this month, as read and as the batch's debits left it.</summary>
internal sealed class MonthState(UsageFacts facts, long used)
{
    public UsageFacts Facts { get; } = facts;

    public long UsedBefore { get; } = used;

    public long Used { get; set; } = used;
}

/// <summary>A wallet's balance and live lots, as read and as the batch's debits left them.</summary>
internal sealed class WalletState(WalletId id, long balance)
{
    public WalletId Id { get; } = id;

    public long Before { get; } = balance;

    public long Balance { get; set; } = balance;

    public List<LotState> Lots { get; } = [];

    /// <summary>A source the batch can debit in memory: no lot past its expiry, and lots that sum to the balance.</summary>
    public bool Usable { get; private set; }

    /// <summary>Sorts the lots in burn-down order (<see cref="LotOrder"/>) once they are all read.</summary>
    public void Settle(DateTimeOffset now)
    {
        Lots.Sort((x, y) => LotOrder.Compare((x.ExpiresAt, x.Promotional, x.Id), (y.ExpiresAt, y.Promotional, y.Id)));
        Usable = !Lots.Any(l => l.ExpiresAt <= now) && Lots.Sum(l => l.Remaining) == Balance;
    }

    /// <summary>Takes credits out, burning the lots down in order (the caller checked the balance covers it).</summary>
    public void Take(long credits)
    {
        Balance -= credits;
        var left = credits;
        foreach (var lot in Lots)
        {
            if (left == 0) break;
            var take = Math.Min(left, lot.Remaining);
            lot.Remaining -= take;
            left -= take;
        }
    }
}

/// <summary>A lot's remaining credits, as read and as the batch's debits left them.</summary>
internal sealed class LotState(long id, long remaining, DateTimeOffset? expiresAt, bool promotional)
{
    public long Id { get; } = id;

    public long Before { get; } = remaining;

    public long Remaining { get; set; } = remaining;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public bool Promotional { get; } = promotional;
}
