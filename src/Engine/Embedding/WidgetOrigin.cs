using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Embedding;

/// <summary>A web origin (<c>https://www.agency.com</c>) on which an agency allows its widget to be embedded.</summary>
public sealed class WidgetOrigin
{
    private WidgetOrigin()
    {
    }

    public AgencyId AgencyId { get; private set; }

    /// <summary>The normalised origin: lower-case scheme and host, and the port only when it is not the default.</summary>
    public string Origin { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    internal static WidgetOrigin Allow(AgencyId agencyId, string origin, DateTimeOffset now) =>
        new() { AgencyId = agencyId, Origin = origin, CreatedAt = now };
}
