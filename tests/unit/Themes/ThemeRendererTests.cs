using System.Text.Json.Nodes;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Preview;
using ResellerKit.Themes.Views;

namespace ResellerKit.Tests.Unit.Themes;

public sealed class ThemeRendererTests
{
    private readonly ThemeTestKit kit = new();

    [Fact]
    public async Task RenderAsync_AgencyOverrideOfIndex_RendersPacksWithMoney()
    {
        var theme = ThemeSource.Create("agency-1", BuiltInThemes.Aurora, new Dictionary<string, string>
        {
            ["layout/theme.liquid"] = "{{ content_for_layout }}",
            ["templates/index.liquid"] = "{% for pack in packs %}{{ pack.name }}:{{ pack.credits }}:{{ pack.price | money }}{% endfor %}",
        });

        var result = await kit.RenderAsync(theme);

        result.Html.ShouldBe("Starter:100:$15.00");
    }

    [Fact]
    public async Task RenderAsync_LayoutWrapsTemplate_PrintsContentForLayoutUnescaped()
    {
        var theme = ThemeTestKit.Inline("<p>{{ shop.name }}</p>", ("layout/theme.liquid", "<main>{{ content_for_layout }}</main>"));

        var result = await kit.RenderAsync(theme);

        result.Html.ShouldBe("<main><p>Northwind Growth</p></main>");
    }

    [Fact]
    public async Task RenderAsync_CSharpNames_AppearSnakeCased()
    {
        var html = await kit.HtmlAsync(
            "{{ packs[0].price_per_credit }}|{{ customer.used_this_month }}|{{ csrf.field_name }}|{{ custom_quantity.min_credits }}|{{ packs[0].PricePerCredit }}",
            ThemeTestKit.Model(DemoStorefront.Customer()));

        html.ShouldBe("15|160|__RequestVerificationToken|50|");
    }

    [Fact]
    public async Task RenderAsync_UserDataWithMarkup_IsEscaped()
    {
        var model = ThemeTestKit.Model(DemoStorefront.Customer() with { Name = "<script>alert(1)</script>" });

        var html = await kit.HtmlAsync("{{ customer.name }}", model);

        html.ShouldBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Theory]
    [InlineData("en-US", "usd", 1500, "$15.00")]
    [InlineData("de-DE", "eur", 1500, "15,00 €")]
    [InlineData("en-US", "jpy", 1500, "¥1,500")]
    [InlineData("de-DE", "usd", 123456, "1.234,56 $")]
    [InlineData("en-US", "kwd", 1500, "KWD1.500")]
    public async Task Money_InTheShopsLocale_UsesCurrencyDigitsAndLocaleFormat(string locale, string currency, long amount, string expected)
    {
        var model = ThemeTestKit.Model() with { Shop = DemoStorefront.Shop(locale, currency) };

        var html = await kit.HtmlAsync($"{{{{ {amount} | money }}}}", model);

        html.ShouldBe(expected);
    }

    [Fact]
    public async Task Money_WithCurrencyArgument_FormatsThatCurrency()
    {
        var html = await kit.HtmlAsync("{{ 250 | money: 'eur' }}|{{ 250 | money: currency: 'gbp' }}");

        html.ShouldBe("€2.50|£2.50");
    }

    [Fact]
    public async Task AssetUrl_FileOfAssets_BuildsVersionedStorefrontUrl()
    {
        var html = await kit.HtmlAsync("{{ 'theme.css' | asset_url }}");

        html.ShouldBe("/assets/theme.css?v=1");
    }

    [Theory]
    [InlineData("../config/settings_data.json")]
    [InlineData("/etc/passwd")]
    [InlineData("https://evil.example/x.js")]
    public async Task AssetUrl_PathOutsideAssets_FailsWithError(string path)
    {
        var result = await kit.RenderAsync(ThemeTestKit.Inline($"{{{{ '{path}' | asset_url }}}}"));

        result.Error!.Message.ShouldContain("is not the name of a file in assets/");
        result.Error.Path.ShouldBe("templates/index.liquid");
    }

    [Fact]
    public async Task Date_InShopTimeZoneAndLocale_FormatsStrftimeAndDotNet()
    {
        var model = ThemeTestKit.Model(DemoStorefront.Customer()) with { Shop = DemoStorefront.Shop("de-DE", "eur") };

        var html = await kit.HtmlAsync("{{ history[0].date | date: '%d.%m.%Y %H:%M' }}|{{ history[0].date | date: 'd. MMMM yyyy' }}", model);

        html.ShouldBe("13.03.2026 10:30|13. März 2026");
    }

    [Fact]
    public async Task Settings_MissingValues_TakeSchemaDefaults()
    {
        var theme = ThemeSource.FromFiles("agency-s", new Dictionary<string, string>
        {
            ["layout/theme.liquid"] = "{{ content_for_layout }}",
            ["templates/index.liquid"] = "{{ settings.accent }}|{{ settings.radius }}|{{ settings.show }}",
            ["config/settings_schema.json"] = """
                [{ "name": "Look", "settings": [
                  { "type": "color", "id": "accent", "label": "Accent", "default": "#112233" },
                  { "type": "range", "id": "radius", "label": "Radius", "min": 0, "max": 24, "step": 2, "default": 8 },
                  { "type": "checkbox", "id": "show", "label": "Show", "default": true } ] }]
                """,
        }, new JsonObject { ["accent"] = "#abcdef" });

        var result = await kit.RenderAsync(theme);

        result.Html.ShouldBe("#abcdef|8|true");
    }

    [Fact]
    public async Task RenderAsync_DeletedOverride_FallsBackToBaseFile()
    {
        var overridden = ThemeSource.Create("agency-2", BuiltInThemes.Aurora, new Dictionary<string, string> { ["templates/404.liquid"] = "gone" });

        var withOverride = await kit.Renderer.RenderAsync(overridden, "templates/404.liquid", DemoStorefront.Page("404"), Ct);
        var afterDelete = await kit.Renderer.RenderAsync(overridden.WithoutFile("templates/404.liquid"), "templates/404.liquid", DemoStorefront.Page("404"), Ct);

        withOverride.Html!.ShouldContain("gone");
        afterDelete.Html!.ShouldNotContain("gone");
        afterDelete.Html!.ShouldContain("<main");
    }

    [Fact]
    public async Task RenderAsync_FileSavedWithSameVersion_NeverRendersStaleTemplate()
    {
        var first = ThemeTestKit.Inline("one");
        var second = ThemeTestKit.Inline("two");

        (await kit.RenderAsync(first)).Html.ShouldBe("one");
        (await kit.RenderAsync(second)).Html.ShouldBe("two");
    }

    [Fact]
    public async Task Evict_Agency_DropsOnlyThatAgencysEntries()
    {
        await kit.RenderAsync(ThemeTestKit.Inline("a"));
        await kit.RenderAsync(ThemeSource.FromFiles("other-agency", new Dictionary<string, string>
        {
            ["layout/theme.liquid"] = "{{ content_for_layout }}",
            ["templates/index.liquid"] = "b",
        }));
        var before = kit.Cache.Count;

        kit.Cache.Evict("agency-test");

        kit.Cache.Count.ShouldBe(before - 2);
    }

    [Fact]
    public async Task Render_SnippetWithArguments_RendersSnippetOfSameTheme()
    {
        var theme = ThemeTestKit.Inline(
            "{% for pack in packs %}{% render 'pack-card', pack: pack, label: 'Buy' %}{% endfor %}",
            ("snippets/pack-card.liquid", "[{{ label }} {{ pack.name }}]"));

        var result = await kit.RenderAsync(theme);

        result.Html.ShouldBe("[Buy Starter]");
    }
}
