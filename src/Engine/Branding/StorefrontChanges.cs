using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Branding;

/// <summary>
/// This node's news of committed storefront changes (<see cref="StorefrontStamp"/>): the agencies whose storefront
/// changed, or <see cref="All"/> for a platform change every storefront shows (the price floor). Hosts subscribe to
/// drop what they cache at once; other nodes learn of it from the stamps in the database.
/// </summary>
public sealed class StorefrontChanges
{
    /// <summary>Stands for every agency (a platform-wide change).</summary>
    public static readonly AgencyId All = default;

    private readonly List<Action<IReadOnlyCollection<AgencyId>>> listeners = [];

    public void Subscribe(Action<IReadOnlyCollection<AgencyId>> listener)
    {
        lock (listeners)
        {
            listeners.Add(listener);
        }
    }

    internal void Committed(IReadOnlyCollection<AgencyId> agencies)
    {
        Action<IReadOnlyCollection<AgencyId>>[] current;
        lock (listeners)
        {
            current = [.. listeners];
        }
        foreach (var listener in current)
        {
            listener(agencies);
        }
    }
}
