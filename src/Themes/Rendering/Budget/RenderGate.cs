using System.Collections.Concurrent;

namespace ResellerKit.Themes.Rendering.Budget;

/// <summary>
/// Caps the storefront renders of one agency's theme running at once (<see cref="ThemeLimits.MaxConcurrentRendersPerAgency"/>).
/// A request over the cap waits for a slot up to <see cref="ThemeLimits.RenderQueueTimeout"/>; other agencies never wait
/// for it, so a theme that spends its whole budget on every page slows only its own storefront.
/// </summary>
internal sealed class RenderGate(ThemeLimits limits)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> slots = new(StringComparer.Ordinal);

    /// <summary>A held slot, or null when the agency's renders stayed busy for the whole wait.</summary>
    public async Task<IDisposable?> EnterAsync(string agencyId, CancellationToken ct)
    {
        var slot = slots.GetOrAdd(agencyId, _ => new SemaphoreSlim(limits.MaxConcurrentRendersPerAgency));
        return await slot.WaitAsync(limits.RenderQueueTimeout, ct) ? new Release(slot) : null;
    }

    private sealed class Release(SemaphoreSlim slot) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slot.Release();
            }
        }
    }
}
