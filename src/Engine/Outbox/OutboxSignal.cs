using System.Threading.Channels;

namespace ResellerKit.Engine.Outbox;

/// <summary>
/// Hands this node's outbox worker the messages this node just committed, so it delivers them at once instead of at
/// its next poll. Only committed rows are announced (<see cref="OutboxCommitInterceptor"/>); other nodes, and rows a
/// crash left behind, are found by the poll. While the worker listens, a message due at once is written already
/// leased to this node (<see cref="Owner"/>), so its delivery needs no claim: other nodes leave it alone until the
/// lease ends, which is also when another node (or this one restarted) takes it over after a crash.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<CommittedMessage> committed = Channel.CreateUnbounded<CommittedMessage>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private volatile bool listening;

    /// <summary>This node's lease owner: the process, a fresh id, the machine (at most 100 characters).</summary>
    public string Owner { get; } = $"{Environment.ProcessId}:{Guid.NewGuid():N}:{Environment.MachineName}" is var id && id.Length > 100 ? id[..100] : id;

    /// <summary>True while this node's worker takes hand-overs: only then are new rows leased to it as they are written.</summary>
    public bool Listening => listening;

    internal void Listen(bool on) => listening = on;

    public void Committed(long id, string topic, DateTimeOffset? leasedUntil = null) => committed.Writer.TryWrite(new CommittedMessage(id, topic, leasedUntil));

    public ChannelReader<CommittedMessage> Reader => committed.Reader;
}

/// <param name="LeasedUntil">Set when the row was written leased to this node (it is delivered without a claim).</param>
public readonly record struct CommittedMessage(long Id, string Topic, DateTimeOffset? LeasedUntil = null);
