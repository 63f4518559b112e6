using System.Globalization;

namespace ResellerKit.Storefront.BackOffice;

/// <summary>
/// Whose name, logo and colour the back office wears: the agency's in an agency's or a client's workspace, so a client
/// never sees the vendor; the product's own only in the platform workspace.
/// </summary>
public sealed record BackOfficeBrand(string Name, string? LogoUrl, string? PrimaryColor)
{
    public static BackOfficeBrand Platform { get; } = new("ResellerKit", null, null);

    /// <summary>A name that is nobody's, for pages shown before anyone has signed in.</summary>
    public const string Neutral = "Back office";

    /// <summary>The primary colour when white text and links on white stay readable on it (WCAG AA, 4.5:1); else null.</summary>
    public string? ReadableColor => Expanded(PrimaryColor) is { } c && ContrastWithWhite(c) >= 4.5 ? c : null;

    // #abc is #aabbcc; anything but a hex colour is none.
    private static string? Expanded(string? color) => color switch
    {
        { Length: 7 } c when c[0] == '#' && c.Skip(1).All(char.IsAsciiHexDigit) => c,
        { Length: 4 } c when c[0] == '#' && c.Skip(1).All(char.IsAsciiHexDigit) => $"#{c[1]}{c[1]}{c[2]}{c[2]}{c[3]}{c[3]}",
        _ => null,
    };

    private static double ContrastWithWhite(string hex)
    {
        double Channel(int at)
        {
            var v = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }
        var luminance = 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
        return 1.05 / (luminance + 0.05);
    }
}
