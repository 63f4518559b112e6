using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Branding;

/// <summary>The whole theme as it was after one save (base, settings, overrides), so that any save can be rolled back to.</summary>
public sealed class ThemeRevision
{
    private ThemeRevision()
    {
    }

    public long Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public int Version { get; private set; }

    public string Description { get; private set; } = "";

    public string Snapshot { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static ThemeRevision Create(AgencyId agencyId, int version, string description, string snapshot, Actor actor, DateTimeOffset now) =>
        new() { AgencyId = agencyId, Version = version, Description = description, Snapshot = snapshot, ActorName = actor.Name, CreatedAt = now };
}
