using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Plans;

/// <summary>An agency's tier ("Basic", "Pro"): the features its sub-accounts get, within what the platform grants the agency.</summary>
public sealed class Plan
{
    private Plan()
    {
    }

    public Guid Id { get; private set; }

    public AgencyId AgencyId { get; private set; }

    public string Name { get; private set; } = "";

    public Features Features { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Plan Create(AgencyId agencyId, string name, Features features, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), AgencyId = agencyId, Name = name.Trim(), Features = features, CreatedAt = now };

    public void Change(string name, Features features)
    {
        Name = name.Trim();
        Features = features;
    }
}
