using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Preview;

namespace ResellerKit.Tests.Unit.Themes;

/// <summary>The <c>t</c> filter: a key in the shop's locale, then its language, then English, the agency's own file before its base theme's.</summary>
public sealed class ThemeTranslateTests
{
    private readonly ThemeTestKit kit = new();

    [Fact]
    public async Task Translate_KeyInShopLocale_InterpolatesNamedArguments()
    {
        var theme = ThemeTestKit.Inline(
            "{{ 'packs.buy' | t: name: 'Bob' }}|{{ 'only.en' | t }}|{{ 'missing.key' | t }}",
            ("locales/en.json", """{ "packs": { "buy": "Buy {name}" }, "only": { "en": "English only" } }"""),
            ("locales/de.json", """{ "packs": { "buy": "{name} kaufen" } }"""));
        var model = ThemeTestKit.Model() with { Shop = DemoStorefront.Shop("de-DE", "eur") };

        var result = await kit.RenderAsync(theme, model);

        result.Html.ShouldBe("Bob kaufen|English only|missing.key");
    }

    [Fact]
    public async Task Translate_KeyMissingFromTheAgencysCopyOfALocale_FindsItInTheBaseTheme()
    {
        var theme = ThemeSource.Create("agency-copied-locale", "aurora", new Dictionary<string, string>
        {
            ["locales/en.json"] = """{ "custom": { "hello": "Hello from {shop}" } }""",
            ["templates/index.liquid"] = "[{{ 'custom.hello' | t: shop: 'Northwind' }}|{{ 'sign_in.link_title' | t: shop: 'Northwind' }}]",
        });

        var result = await kit.RenderAsync(theme);

        result.Error.ShouldBeNull();
        result.Html!.ShouldContain("[Hello from Northwind|Sign in to Northwind]");
    }

    [Fact]
    public async Task Translate_WithCount_PicksOneOrOther()
    {
        var theme = ThemeTestKit.Inline(
            "{{ 'credits' | t: count: 1 }}|{{ 'credits' | t: count: 5 }}",
            ("locales/en.json", """{ "credits": { "one": "{count} credit", "other": "{count} credits" } }"""));

        var result = await kit.RenderAsync(theme);

        result.Html.ShouldBe("1 credit|5 credits");
    }
}
