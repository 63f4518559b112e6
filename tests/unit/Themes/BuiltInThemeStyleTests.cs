using System.Globalization;
using System.Text.Json.Nodes;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Preview;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary>How each built-in theme looks: distinct from the others, readable on a phone and in contrast, in the agency's colours.</summary>
public sealed class BuiltInThemeStyleTests
{
    private readonly ThemeTestKit kit = new();

    public static TheoryData<string> Themes => new(BuiltInThemes.Names);

    [Fact]
    public async Task Themes_SameData_AreVisiblyDifferent()
    {
        var aurora = await kit.BuiltInHtmlAsync(BuiltInThemes.Aurora, "index", DemoStorefront.Page("index"));
        var slate = await kit.BuiltInHtmlAsync(BuiltInThemes.Slate, "index", DemoStorefront.Page("index"));

        aurora.ShouldContain("--bg: #f6f7fb;");
        aurora.ShouldContain("--radius: 16px;");
        slate.ShouldContain("--bg: #0f172a;");
        slate.ShouldContain("--radius: 0px;");
        slate.ShouldContain("--font-heading: Iowan Old Style");
        BuiltInThemes.Files(BuiltInThemes.Aurora)!["assets/theme.css"].ShouldNotBe(BuiltInThemes.Files(BuiltInThemes.Slate)!["assets/theme.css"]);
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public void Css_PhoneWidth_CollapsesGridsToOneColumnAndShowsFocus(string name)
    {
        var css = BuiltInThemes.Files(name)!["assets/theme.css"];

        css.ShouldContain("@media (max-width: 40rem)");
        css.ShouldContain("grid-template-columns: 1fr;");
        css.ShouldContain(":focus-visible { outline: 3px solid var(--accent);");
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public void DefaultColours_MeetWcagAaContrast(string name)
    {
        var defaults = JsonNode.Parse(BuiltInThemes.Files(name)!["config/settings_schema.json"])!.AsArray()
            .SelectMany(g => g!["settings"]!.AsArray())
            .Where(s => (string?)s!["type"] == "color")
            .ToDictionary(s => (string)s!["id"]!, s => (string)s!["default"]!);

        Contrast(defaults["text_color"], defaults["background_color"]).ShouldBeGreaterThanOrEqualTo(4.5);
        Contrast(defaults["text_color"], defaults["surface_color"]).ShouldBeGreaterThanOrEqualTo(4.5);
        Contrast(defaults["accent_text_color"], defaults["accent_color"]).ShouldBeGreaterThanOrEqualTo(4.5);
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Settings_AgencyAccentAndRichText_AppliedAndSanitised(string name)
    {
        var theme = ThemeSource.Create("agency-x", name, settings: new JsonObject
        {
            ["accent_color"] = "#be123c",
            ["footer_richtext"] = "<p>Hi <strong>there</strong><script>alert(1)</script> <a href=\"https://example.com\">site</a></p>",
        });

        var result = await kit.Renderer.RenderAsync(theme, "templates/index.liquid", DemoStorefront.Page("index"), Ct);

        result.Html!.ShouldContain("--accent: #be123c;");
        result.Html!.ShouldContain("<p>Hi <strong>there</strong>&lt;script&gt;alert(1)&lt;/script&gt; <a href=\"https://example.com\" rel=\"nofollow noopener\">site</a></p>");
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }
}
