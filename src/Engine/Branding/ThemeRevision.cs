using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Branding;

/// <summary>The whole theme as it was after one save (base, settings, overrides), so that any save can be rolled back to.</summary>
public sealed class ThemeRevision
{
    /// <summary>The version of the theme as it was before its first change (the base theme, untouched).</summary>
    public const int Original = 1;

    /// <summary>The agency's unpublished draft is kept as the one revision with this version (see <see cref="ThemeDrafts"/>).</summary>
    public const int Draft = 0;

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

    internal void Replace(string description, string snapshot, Actor actor, DateTimeOffset now) =>
        (Description, Snapshot, ActorName, CreatedAt) = (description, snapshot, actor.Name, now);

    public static ThemeRevision Create(AgencyId agencyId, int version, string description, string snapshot, Actor actor, DateTimeOffset now) =>
        new() { AgencyId = agencyId, Version = version, Description = description, Snapshot = snapshot, ActorName = actor.Name, CreatedAt = now };
}
