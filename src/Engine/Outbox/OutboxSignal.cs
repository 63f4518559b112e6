using System.Threading.Channels;

namespace ResellerKit.Engine.Outbox;

/// <summary>
/// Hands this node's outbox worker the messages this node just committed, so it delivers them at once instead of at
/// its next poll. Only committed rows are announced (<see cref="OutboxCommitInterceptor"/>); other nodes, and rows a
/// crash left behind, are found by the poll.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<CommittedMessage> committed = Channel.CreateUnbounded<CommittedMessage>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    public void Committed(long id, string topic) => committed.Writer.TryWrite(new CommittedMessage(id, topic));

    public ChannelReader<CommittedMessage> Reader => committed.Reader;
}

public readonly record struct CommittedMessage(long Id, string Topic);
