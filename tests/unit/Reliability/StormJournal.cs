using System.Collections.Concurrent;
using System.Diagnostics;
using ResellerKit.Engine.Common;

namespace ResellerKit.Tests.Unit.Reliability;

/// <summary>
/// What the storm's clients were told: every transaction an operation reported as posted, every Idempotency-Key that
/// was answered with success (and with which transaction), the paid checkout sessions, and a tally of outcomes.
/// Checked against the ledger afterwards: nothing a client was told about may be missing, and nothing may be there
/// that no client was told about. <see cref="Operations"/> keeps each operation with its moments, so that every
/// refusal can be checked against what the other operations did meanwhile (<see cref="StormRefusals"/>).
/// </summary>
public sealed class StormJournal
{
    public ConcurrentDictionary<TransactionId, string> Posted { get; } = new();

    /// <summary>"agencyId|key" to the transaction that key posted.</summary>
    public ConcurrentDictionary<string, TransactionId> KeyedSuccesses { get; } = new();

    /// <summary>Keys whose every attempt was refused (no credits, wrong mode): they must have posted nothing.</summary>
    public ConcurrentDictionary<string, byte> KeyedRefusals { get; } = new();

    /// <summary>Checkout session id to the agency that sold it, for every session the buyer paid.</summary>
    public ConcurrentDictionary<string, AgencyId> PaidSessions { get; } = new();

    public ConcurrentDictionary<string, int> Outcomes { get; } = new();

    public ConcurrentQueue<StormOperation> Operations { get; } = new();

    /// <summary>A moment on the journal's clock, taken just before a call and just after its answer.</summary>
    public static long Now() => Stopwatch.GetTimestamp();

    public void Record(StormOperation operation) => Operations.Enqueue(operation);

    public List<string> Failures { get; } = [];

    public void Count(string outcome) => Outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    public void Fail(string failure)
    {
        lock (Failures)
        {
            if (Failures.Count < 50) Failures.Add(failure);
        }
    }

    public void RecordPosted(TransactionId id, string kind, AgencyId agency, string? key)
    {
        if (!Posted.TryAdd(id, kind))
        {
            Fail($"{kind}: transaction {id} was reported as posted twice");
        }
        if (key is not null && !KeyedSuccesses.TryAdd(Keyed(agency, key), id))
        {
            Fail($"{kind}: Idempotency-Key {key} posted a second transaction {id}");
        }
        Count(kind + ": posted");
    }

    public static string Keyed(AgencyId agency, string key) => $"{agency.Value}|{key}";

    public string Summary() => string.Join(", ", Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key}={o.Value}"));
}
