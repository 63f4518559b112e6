using System.Net.Http.Json;
using ResellerKit.Tests.Unit.Support;
using ResellerKit.Widget.Data;

namespace ResellerKit.Tests.Unit.Widget;

/// <summary>How the widget looks as a circuit loads it: the agency's colour or the theme's accent, and the locale and accent attributes.</summary>
public abstract class WidgetAppearanceTests(ApiFixture api)
{
    [Fact]
    public async Task Load_WithoutASavedThemeAccent_DrawsTheAgencysPrimaryColourWithReadableText()
    {
        var (agency, _, _) = await api.WidgetResellerAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { primaryColor = "#FFDD00" }, Ct)).EnsureSuccessStatusCode();

        var view = await api.WithWidgetDataAsync(agency.Slug, d => d.LoadAsync(new WidgetRequest(agency.Slug, null, "en-US", null), Ct));

        view.Theme.Accent.ShouldBe("#ffdd00");
        view.Theme.AccentText.ShouldBe("#111827", "white on yellow is unreadable");
        ResellerKit.Widget.Components.WidgetCss.Variables(view.Theme).ShouldContain("--rk-accent:#ffdd00;");
    }

    [Fact]
    public async Task Load_WithASavedThemeAccent_DrawsTheThemesAccent_AndAnAccentAttributeWinsOverBoth()
    {
        var (agency, _, _) = await api.WidgetResellerAsync();
        (await agency.Client.PatchAsJsonAsync("/api/v1/agency", new { primaryColor = "#ff6600" }, Ct)).EnsureSuccessStatusCode();
        (await agency.Client.PutAsJsonAsync("/api/v1/theme/settings", new { accent_color = "#0f766e" }, Ct)).EnsureSuccessStatusCode();

        var themed = await api.WithWidgetDataAsync(agency.Slug, d => d.LoadAsync(new WidgetRequest(agency.Slug, null, "en-US", null), Ct));
        var attributed = await api.WithWidgetDataAsync(agency.Slug, d => d.LoadAsync(new WidgetRequest(agency.Slug, null, "en-US", "#fde68a"), Ct));

        themed.Theme.Accent.ShouldBe("#0f766e");
        themed.Theme.AccentText.ShouldBe("#ffffff");
        attributed.Theme.Accent.ShouldBe("#fde68a");
        attributed.Theme.AccentText.ShouldBe("#111827");
    }

    [Fact]
    public async Task Load_WithLocaleAndAccentAttributes_FormatsMoneyThatWayAndKeepsOnlyAValidColour()
    {
        var (agency, _, _) = await api.WidgetResellerAsync();

        var german = await api.WithWidgetDataAsync(agency.Slug, d => d.LoadAsync(new WidgetRequest(agency.Slug, null, "de-DE", "#0f766e"), Ct));
        var hostile = await api.WithWidgetDataAsync(agency.Slug, d => d.LoadAsync(new WidgetRequest(agency.Slug, null, "xx-<script>", "red;}"), Ct));

        german.Packs.Single().PriceText.ShouldBe("15,00 $");
        german.Theme.Accent.ShouldBe("#0f766e");
        hostile.Packs.Single().PriceText.ShouldBe("$15.00");
        hostile.Theme.Accent.ShouldBe("#4338ca");
    }
}

public sealed class WidgetAppearanceTestsOnSqlite(SqliteApi api) : WidgetAppearanceTests(api), IClassFixture<SqliteApi>;

public sealed class WidgetAppearanceTestsOnPostgres(PostgresApi api) : WidgetAppearanceTests(api), IClassFixture<PostgresApi>;
