using Microsoft.EntityFrameworkCore;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Outbox;

/// <summary>
/// Announces outbox rows to <see cref="OutboxSignal"/> once they are committed (<see cref="CommitAnnouncer{T}"/>). A row
/// announced and then undone by a savepoint is harmless: the worker's claim finds nothing.
/// </summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : CommitAnnouncer<OutboxMessage>
{
    protected override ValueTask<IReadOnlyCollection<OutboxMessage>> Collect(DbContext db, bool async, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyCollection<OutboxMessage>>(
            db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList());

    protected override void Announce(IReadOnlyList<OutboxMessage> committed)
    {
        foreach (var message in committed)
        {
            signal.Committed(message.Id, message.Topic, message.LeaseOwner == signal.Owner ? message.LeasedUntil : null);
        }
    }
}
