using ResellerKit.Engine.Persistence;

namespace ResellerKit.Storefront.Api.Idempotency;

/// <summary>
/// Work a request must do outside its database transaction, such as a call to Stripe (or to the built-in sandbox,
/// which writes to the same database: inside a keyed request's transaction on SQLite it would wait for the write
/// lock that request holds). With no transaction open it runs at once; inside <see cref="IdempotencyFilter"/>'s it runs
/// right after the commit, before the response is sent, and not at all when the request rolls back.
/// </summary>
public sealed class AfterCommit(EngineDbContext db)
{
    private readonly List<Func<CancellationToken, Task>> pending = [];

    public Task RunAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            return work(ct);
        }
        pending.Add(work);
        return Task.CompletedTask;
    }

    /// <summary>Runs what waited for the commit; the filter calls it once the transaction has committed.</summary>
    internal async Task CommittedAsync(CancellationToken ct)
    {
        foreach (var work in pending)
        {
            await work(ct);
        }
        pending.Clear();
    }

    /// <summary>Drops what waited for a commit that will not come.</summary>
    internal void RolledBack() => pending.Clear();
}
