using ResellerKit.Engine.Common;

namespace ResellerKit.Engine.Branding;

/// <summary>One file an agency overrides in its base theme (<c>templates/index.liquid</c>, <c>assets/theme.css</c>).</summary>
public sealed class ThemeFile
{
    private ThemeFile()
    {
    }

    public AgencyId AgencyId { get; private set; }

    public string Path { get; private set; } = "";

    public string Content { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public static ThemeFile Create(AgencyId agencyId, string path, string content, DateTimeOffset now) =>
        new() { AgencyId = agencyId, Path = path, Content = content, UpdatedAt = now };
}
