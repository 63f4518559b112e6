using System.Text.Json.Nodes;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Settings;

namespace ResellerKit.Tests.Unit.Themes;

public sealed class SettingsSchemaTests
{
    private static readonly SettingsSchema Aurora = SettingsSchema.Parse(BuiltInThemes.Files(BuiltInThemes.Aurora)![ThemePaths.SettingsSchema]);

    [Fact]
    public void Validate_BadValues_ReturnsFieldLevelErrors()
    {
        var errors = Aurora.Validate(new JsonObject
        {
            ["accent_color"] = "#12345",
            ["text_color"] = "red",
            ["corner_radius"] = 30,
            ["pack_columns"] = "7",
            ["hero_title"] = new string('x', 81),
            ["show_price_per_credit"] = "yes",
            ["heading_font"] = "Comic Sans",
            ["hero_image"] = "javascript:alert(1)",
            ["unknown"] = 1,
        });

        errors.Keys.Order().ShouldBe(["accent_color", "corner_radius", "heading_font", "hero_image", "hero_title", "pack_columns", "show_price_per_credit", "text_color", "unknown"]);
        errors["accent_color"].ShouldBe(["Must be a colour written as # and six hex digits, such as #1a2b3c."]);
        errors["corner_radius"].ShouldBe(["Must be between 0 and 24."]);
        errors["pack_columns"].ShouldBe(["Must be one of: auto, 2, 3."]);
        errors["hero_title"].ShouldBe(["Must be at most 80 characters long."]);
        errors["unknown"].ShouldBe(["Is not a setting of this theme."]);
    }

    [Fact]
    public void Validate_GoodValues_ReturnsNoErrors()
    {
        var errors = Aurora.Validate(new JsonObject
        {
            ["accent_color"] = "#0F766E",
            ["corner_radius"] = 8,
            ["pack_columns"] = "3",
            ["show_price_per_credit"] = false,
            ["heading_font"] = "serif",
            ["hero_image"] = "https://cdn.example.com/hero.png",
        });

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Resolve_MissingAndInvalidValues_TakeDefaults()
    {
        var settings = Aurora.Resolve(new JsonObject { ["accent_color"] = "#0f766e", ["corner_radius"] = 99, ["heading_font"] = "mono" });

        settings["accent_color"].ShouldBe("#0f766e");
        settings["corner_radius"].ShouldBe(16m);
        settings["text_color"].ShouldBe("#1f2937");
        settings["show_price_per_credit"].ShouldBe(true);
        settings["heading_font"].ShouldBe(FontStacks.All["mono"]);
    }

    [Fact]
    public void Parse_BrokenSchema_ListsProblems()
    {
        var schema = SettingsSchema.Parse("""
            [{ "name": "x", "settings": [
              { "type": "colour", "id": "a" },
              { "type": "select", "id": "b" },
              { "type": "range", "id": "c", "min": 5, "max": 1 },
              { "type": "color", "id": "d", "default": "blue" },
              { "type": "text", "id": "d" } ] }]
            """);

        schema.Errors.ShouldBe(
        [
            "Setting 'a' needs an id and one of the types color, text, richtext, image, select, checkbox, range, font.",
            "'b': a select needs options.",
            "'c': a range needs min and max, min first.",
            "'d' default: Must be a colour written as # and six hex digits, such as #1a2b3c.",
            "'d' is declared twice.",
        ]);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("<p onclick=\"x()\">a</p>", "&lt;p onclick=&quot;x()&quot;&gt;a</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "&lt;a href=&quot;javascript:alert(1)&quot;&gt;x</a>")]
    [InlineData("<P>ok<BR/></P>", "<p>ok<br></p>")]
    public void RichTextSanitize_Markup_KeepsOnlySafeTags(string html, string expected)
    {
        RichText.Sanitize(html).ShouldBe(expected);
    }
}
