using ResellerKit.Engine.Common;
using ResellerKit.Engine.SubAccounts;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// Checks every refusal of a storm against what the journal says the other operations did meanwhile: a refusal is
/// explained only if the state that causes it could have held at some moment while the refused call ran. Usage
/// refused for insufficient credits needs a wallet that may have held less than it asked for (the lowest balance it
/// may have had is its start, plus the credits granted before the call began, minus every debit and refund begun
/// before it ended), or a monthly cap that may have been reached; a conflict needs a mode switch running at the
/// same time, or shared mode for a grant or a checkout. Every other refusal (a pause no one made, a not-found, a
/// refused pool grant or switch) is unexplained, and so is a status that does not go with its code. Purchases are
/// left out of the balances, which only makes more refusals look possible, never fewer.
/// </summary>
public sealed class StormRefusals(StormFacts facts, IReadOnlyCollection<StormOperation> operations)
{
    private static readonly Dictionary<string, int> StatusOf = new(StringComparer.Ordinal)
    {
        ["insufficient_credits"] = 402, ["conflict"] = 409, ["account_paused"] = 423, ["not_found"] = 404, ["validation_failed"] = 400,
    };

    private readonly Dictionary<string, Flow> flows = BuildFlows(facts, operations);

    private readonly ILookup<SubAccountId, StormOperation> switches = operations
        .Where(o => o.Kind == StormKind.Switch && o.Refused is null).ToLookup(o => o.SubAccount!.Value);

    private readonly ILookup<SubAccountId, StormOperation> usage = operations
        .Where(o => o.Kind == StormKind.Usage && o.Posted is not null).ToLookup(o => o.SubAccount!.Value);

    /// <summary>One line per refusal that nothing in the journal explains.</summary>
    public IEnumerable<string> Unexplained() => operations.Where(o => o.Refused is not null && Why(o) is null)
        .Select(o => $"{o.Kind} of {o.Credits} for {o.SubAccount?.ToString() ?? o.Agency.ToString()} was refused with " +
            $"{o.Status?.ToString() ?? "engine"} {o.Refused}, but no state the journal allows explains it");

    /// <summary>What explains a refusal, or null when nothing does.</summary>
    public string? Why(StormOperation o)
    {
        if (o.Status is { } status && StatusOf.GetValueOrDefault(o.Refused!) != status)
        {
            return null;
        }
        return (o.Kind, o.Refused) switch
        {
            (StormKind.Usage, "insufficient_credits") => Short(o),
            (StormKind.Usage, "conflict") => SwitchDuring(o) ? "the mode changed while it ran" : null,
            (StormKind.Grant or StormKind.Checkout, "conflict") => Modes(o).Contains(CreditMode.Shared) ? "shared mode has no wallet of its own" : null,
            _ => null,
        };
    }

    private string? Short(StormOperation o)
    {
        var subAccount = o.SubAccount!.Value;
        var modes = Modes(o);
        if (modes.Contains(CreditMode.Reselling) && flows[StormFacts.Own(subAccount)].Lowest(o.Started, o.Ended) < o.Credits)
        {
            return "its own wallet may have held less";
        }
        if (modes.Contains(CreditMode.Shared) && flows[StormFacts.Pool(o.Agency)].Lowest(o.Started, o.Ended) < o.Credits)
        {
            return "the agency's pool may have held less";
        }
        if (modes.Contains(CreditMode.Shared) && facts.Caps.TryGetValue(subAccount, out var cap)
            && facts.UsedBefore.GetValueOrDefault(subAccount) + usage[subAccount].Where(u => u.Started < o.Ended).Sum(u => u.Credits) + o.Credits > cap)
        {
            return "the monthly cap may have been reached";
        }
        return null;
    }

    private bool SwitchDuring(StormOperation o) => switches[o.SubAccount!.Value].Any(w => w.Started < o.Ended && w.Ended > o.Started);

    /// <summary>The modes the sub-account may have been in at some moment while <paramref name="o"/> ran.</summary>
    public IReadOnlySet<CreditMode> Modes(StormOperation o)
    {
        var all = switches[o.SubAccount!.Value].ToList();
        var before = all.Where(w => w.Ended < o.Started).ToList();
        // Of the switches done before it began, the last to commit may be any that no other surely followed.
        var lastBegun = before.Count == 0 ? 0 : before.Max(w => w.Started);
        var modes = before.Count == 0
            ? new HashSet<CreditMode> { facts.StartModes[o.SubAccount.Value] }
            : before.Where(w => w.Ended >= lastBegun).Select(w => w.Mode!.Value).ToHashSet();
        modes.UnionWith(all.Where(w => w.Started < o.Ended && w.Ended > o.Started).Select(w => w.Mode!.Value));
        return modes;
    }

    private static Dictionary<string, Flow> BuildFlows(StormFacts facts, IReadOnlyCollection<StormOperation> operations)
    {
        var flows = facts.StartBalances.ToDictionary(b => b.Key, b => new Flow(b.Value));
        foreach (var o in operations.Where(o => o.Posted is not null || o.Kind == StormKind.Refund))
        {
            switch (o.Kind)
            {
                case StormKind.PoolGrant:
                    flows[StormFacts.Pool(o.Agency)].In(o.Ended, o.Credits);
                    break;
                case StormKind.Grant:
                    flows[StormFacts.Own(o.SubAccount!.Value)].In(o.Ended, o.Credits);
                    break;
                case StormKind.Usage:
                    var pool = facts.UsageFromPool.Contains(o.Posted!.Value);
                    flows[pool ? StormFacts.Pool(o.Agency) : StormFacts.Own(o.SubAccount!.Value)].Out(o.Started, o.Credits);
                    break;
                case StormKind.Refund:
                    flows[StormFacts.Own(o.SubAccount!.Value)].Out(o.Started, o.Credits);
                    break;
            }
        }
        return flows;
    }

    /// <summary>A wallet's credits in (by the moment they were surely committed) and out (by the moment they may have been).</summary>
    private sealed class Flow(long start)
    {
        private readonly List<(long At, long Credits)> ins = [];
        private readonly List<(long At, long Credits)> outs = [];

        public void In(long surelyBy, long credits) => ins.Add((surelyBy, credits));

        public void Out(long maybeFrom, long credits) => outs.Add((maybeFrom, credits));

        /// <summary>The lowest balance the wallet may have had at some moment between <paramref name="from"/> and <paramref name="until"/>.</summary>
        public long Lowest(long from, long until) =>
            start + ins.Where(i => i.At < from).Sum(i => i.Credits) - outs.Where(o => o.At < until).Sum(o => o.Credits);
    }
}
