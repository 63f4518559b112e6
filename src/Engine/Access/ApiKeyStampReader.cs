using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;

namespace ResellerKit.Engine.Access;

/// <summary>
/// Reads the <see cref="ApiKeyStamp"/> for every request, but shares reads between requests: a caller joins the next
/// read that has not started yet (never one already in flight, which might predate a rotation the caller saw commit),
/// so under load there is at most one read running and one waiting, whatever the request rate.
/// </summary>
public sealed class ApiKeyStampReader(IServiceScopeFactory scopes) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private TaskCompletionSource<string>? pending;
    private bool reading;

    public Task<string> CurrentAsync()
    {
        lock (gate)
        {
            if (pending is not null) return pending.Task;
            pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var joined = pending.Task;
            if (!reading) StartPending();
            return joined;
        }
    }

    // Called under the gate: the waiting read starts now; the next caller gets a new pending read.
    private void StartPending()
    {
        var read = pending!;
        pending = null;
        reading = true;
        _ = Task.Run(async () =>
        {
            try
            {
                read.SetResult(await ReadAsync());
            }
            catch (Exception e)
            {
                read.SetException(e);
            }
            finally
            {
                lock (gate)
                {
                    reading = false;
                    if (pending is not null) StartPending();
                }
            }
        });
    }

    // Built from the app's model on the first read (one process may host apps on two providers); reads never overlap.
    private ApiKeyStampQuery? query;

    private async Task<string> ReadAsync()
    {
        if (query is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            query = ApiKeyStampQuery.For(scope.ServiceProvider.GetRequiredService<EngineDbContext>());
        }
        return await query.ReadAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (query is not null) await query.DisposeAsync();
    }
}
