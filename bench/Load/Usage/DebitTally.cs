using System.Globalization;

namespace ResellerKit.Bench.Load.Usage;

/// <summary>What one side of P1 did while the clock ran: debits committed, refusals, and every latency (ms) for p99.</summary>
public sealed class DebitTally
{
    private readonly List<double> latencies = [];
    private readonly long[] debitedPerWallet = new long[DebitWorkload.Wallets];
    private long debits;
    private long refused;

    /// <summary>Only answers that arrive while this is true count; the warm-up before it does not.</summary>
    public volatile bool Measuring;

    public long Debits => Interlocked.Read(ref debits);

    public long Refused => Interlocked.Read(ref refused);

    /// <summary>Credits acknowledged per wallet over the whole run, warm-up included: what the balances must show.</summary>
    public long DebitedFrom(int wallet) => Interlocked.Read(ref debitedPerWallet[wallet]);

    public void Debited(int wallet, long credits, double ms)
    {
        Interlocked.Add(ref debitedPerWallet[wallet], credits);
        if (!Measuring) return;
        Interlocked.Increment(ref debits);
        lock (latencies) latencies.Add(ms);
    }

    public void Refusal(double ms)
    {
        if (!Measuring) return;
        Interlocked.Increment(ref refused);
        lock (latencies) latencies.Add(ms);
    }

    public double Percentile(double p)
    {
        lock (latencies)
        {
            if (latencies.Count == 0) return double.NaN;
            latencies.Sort();
            return latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        }
    }

    /// <summary>Wallets whose acknowledged debits exceed what they were granted, or whose balance went below zero.</summary>
    public int Overdrafts(Func<int, long> balanceOf) =>
        Enumerable.Range(0, DebitWorkload.Wallets).Count(w => DebitedFrom(w) > DebitWorkload.Granted(w) || balanceOf(w) < 0);

    /// <summary>Wallets whose balance is not exactly granted minus acknowledged: money lost or doubled.</summary>
    public IEnumerable<string> Mismatches(Func<int, long> balanceOf) =>
        Enumerable.Range(0, DebitWorkload.Wallets)
            .Where(w => balanceOf(w) != DebitWorkload.Granted(w) - DebitedFrom(w))
            .Select(w => string.Create(CultureInfo.InvariantCulture,
                $"wallet {w}: balance {balanceOf(w)}, expected {DebitWorkload.Granted(w) - DebitedFrom(w)}"));
}
