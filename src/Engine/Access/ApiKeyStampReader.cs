using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Persistence;
using ResellerKit.Engine.Platform;

namespace ResellerKit.Engine.Access;

/// <summary>
/// Reads the <see cref="ApiKeyStamp"/> for every request, but shares reads between requests: a caller joins the next
/// read that has not started yet (never one already in flight, which might predate a rotation the caller saw commit),
/// so under load there is at most one read running and one waiting, whatever the request rate.
/// </summary>
public sealed class ApiKeyStampReader(IServiceScopeFactory scopes)
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

    // Compiled once per app (a compiled query keeps the first model it meets, and one process may host apps on two
    // providers): every API request waits for a read, so EF's per-query translation cache lookup is worth skipping.
    private readonly Func<EngineDbContext, Task<string?>> stamp = EF.CompileAsyncQuery((EngineDbContext db) =>
        db.PlatformSettings.AsNoTracking().Where(s => s.Key == ApiKeyStamp.SettingKey).Select(s => s.Value).SingleOrDefault());

    private async Task<string> ReadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        return await stamp(scope.ServiceProvider.GetRequiredService<EngineDbContext>()) ?? "";
    }
}
