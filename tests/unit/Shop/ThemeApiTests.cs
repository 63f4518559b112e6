using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Common;
using ResellerKit.Tests.Unit.Support;

namespace ResellerKit.Tests.Unit.Shop;

public sealed class ThemeApiTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string PackLoop = "{% for pack in packs %}{{ pack.name }}:{{ pack.credits }}:{{ pack.price | money }}{% endfor %}";

    [Fact]
    public async Task OverrideOfIndex_RendersThePacksAsTheAgencyWroteThem()
    {
        var agency = await api.CreateAgencyAsync();
        await agency.CreatePackAsync("Starter", 100, 1_500);

        var saved = await agency.Client.PutAsJsonAsync("/api/v1/theme/files/templates/index.liquid", new { content = PackLoop }, Ct);
        var (_, html) = await Browser.Storefront(api, agency.Slug).GetAsync("/");

        (await saved.ExpectAsync(HttpStatusCode.OK)).GetProperty("overrides").EnumerateArray().Select(o => o.GetString()).ShouldContain("templates/index.liquid");
        html.ShouldContain("Starter:100:$15.00");
    }

    [Fact]
    public async Task BrokenTemplate_OnSave_Answers422WithFileLineAndColumn_AndTheStoreKeepsWorking()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PutAsJsonAsync("/api/v1/theme/files/templates/index.liquid",
            new { content = "<h1>Hi</h1>\n<p>{% if packs %}unclosed</p>" }, Ct);
        var (status, _) = await Browser.Storefront(api, agency.Slug).GetAsync("/");

        var error = (await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "theme_invalid")).GetProperty("errors")[0];
        error.GetProperty("path").GetString().ShouldBe("templates/index.liquid");
        error.GetProperty("line").GetInt32().ShouldBeGreaterThan(0);
        error.GetProperty("column").GetInt32().ShouldBeGreaterThan(0);
        status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("templates/index.liquid", "{% for i in (١..٣) %}{{ i }}{% endfor %}")] // a range in Arabic-Indic digits
    [InlineData("locales/en.json", "{\"shop\":{\"title\":\"One\",\"title\":\"Two\"}}")]
    [InlineData("config/settings_schema.json", "[{\"name\":\"Colours\",\"name\":\"Again\",\"settings\":[]}]")]
    [InlineData("snippets/nul.liquid", "<p>a\u0000b</p>")]
    public async Task SaveFile_WithTextTheLintCannotRead_Answers422ThemeInvalid_AndTheStoreKeepsWorking(string path, string content)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PutAsJsonAsync($"/api/v1/theme/files/{path}", new { content }, Ct);
        var (status, _) = await Browser.Storefront(api, agency.Slug).GetAsync("/");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "theme_invalid");
        problem.GetProperty("errors")[0].GetProperty("path").GetString().ShouldBe(path);
        status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OversizedFile_Answers422SayingTheLimit()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PutAsJsonAsync("/api/v1/theme/files/assets/huge.css", new { content = new string('x', 300 * 1024) }, Ct);

        var error = (await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "theme_invalid")).GetProperty("errors")[0];
        error.GetProperty("path").GetString().ShouldBe("assets/huge.css");
        error.GetProperty("message").GetString()!.ShouldContain("at most");
    }

    [Theory]
    [InlineData("templates%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("templates/%2E%2E%2Fsecret.liquid")]
    [InlineData("secrets/keys.liquid")]
    [InlineData("templates/sub/dir.liquid")]
    public async Task FileOutsideTheThemeLayout_Answers400NamingThePath(string path)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PutAsJsonAsync($"/api/v1/theme/files/{path}", new { content = "x" }, Ct);

        (await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("path", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Settings_WithAWrongColourFormat_Answers400NamingTheSetting()
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PutAsJsonAsync("/api/v1/theme/settings", new { accent_color = "red" }, Ct);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("accent_color", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Settings_WithAValidColour_ReachTheStorefront()
    {
        var agency = await api.CreateAgencyAsync();

        (await agency.Client.PutAsJsonAsync("/api/v1/theme/settings", new { accent_color = "#0f766e" }, Ct)).EnsureSuccessStatusCode();
        var (_, html) = await Browser.Storefront(api, agency.Slug).GetAsync("/");

        html.ShouldContain("#0f766e");
    }

    [Fact]
    public async Task ThemeThatExplodesAtRenderTime_ShowsABrandedErrorPage_ReportsItInTheEditor_AndSparesOtherAgencies()
    {
        var broken = await api.CreateAgencyAsync();
        var healthy = await api.CreateAgencyAsync();
        var loops = "{% for a in (1..1000) %}{% for b in (1..1000) %}x{% endfor %}{% endfor %}";
        (await broken.Client.PutAsJsonAsync("/api/v1/theme/files/templates/index.liquid", new { content = loops }, Ct)).EnsureSuccessStatusCode();

        var started = DateTime.UtcNow;
        var (status, html) = await Browser.Storefront(api, broken.Slug).GetAsync("/");
        var elapsed = DateTime.UtcNow - started;
        var theme = await (await broken.Client.GetAsync("/api/v1/theme", Ct)).ExpectAsync(HttpStatusCode.OK);
        var (healthyStatus, _) = await Browser.Storefront(api, healthy.Slug).GetAsync("/");

        status.ShouldBe(HttpStatusCode.InternalServerError);
        html.ShouldContain("having trouble");
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        theme.GetProperty("lastRenderError").GetString()!.ShouldContain("templates/index.liquid");
        healthyStatus.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("{% include '../..' %}", "a snippet is a bare name")]
    [InlineData("{% render '../layout/theme' %}", "a snippet is a bare name")]
    [InlineData("{% render 'gone' %}", "there is no snippets/gone.liquid in this theme")]
    public async Task SaveFile_RenderingANameThatIsNoSnippet_Answers422NamingTheTag_AndTheStoreKeepsWorking(string tag, string message)
    {
        var agency = await api.CreateAgencyAsync();

        var response = await agency.Client.PutAsJsonAsync("/api/v1/theme/files/templates/index.liquid", new { content = $"<h1>Hi</h1>\n{tag}" }, Ct);
        var (status, _) = await Browser.Storefront(api, agency.Slug).GetAsync("/");

        var error = (await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "theme_invalid")).GetProperty("errors")[0];
        error.GetProperty("path").GetString().ShouldBe("templates/index.liquid");
        error.GetProperty("line").GetInt32().ShouldBe(2);
        error.GetProperty("message").GetString()!.ShouldContain(message);
        status.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A theme stored before the linter refused such tags (written here past the editor, as an old version was).</summary>
    [Theory]
    [InlineData("{% include '../..' %}")]
    [InlineData("{% render '../../../../etc/passwd' %}")]
    [InlineData("{% render 'gone' %}")]
    public async Task StoredThemeRenderingANameThatIsNoSnippet_StillServesThePage_AndTheEditorIsTold(string tag)
    {
        var agency = await api.CreateAgencyAsync();
        await StorePastTheLinterAsync(agency, "templates/index.liquid", $"<p>before</p>{tag}<p>after</p>");

        var (status, html) = await Browser.Storefront(api, agency.Slug).GetAsync("/");
        var theme = await (await agency.Client.GetAsync("/api/v1/theme", Ct)).ExpectAsync(HttpStatusCode.OK);

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<p>before</p><p>after</p>");
        theme.GetProperty("lastRenderError").GetString()!.ShouldContain("templates/index.liquid");
    }

    [Fact]
    public async Task Rollback_RestoresAnEarlierVersion_AndRevertingAFileFallsBackToTheBase()
    {
        var agency = await api.CreateAgencyAsync();
        var first = await (await agency.Client.PutAsJsonAsync("/api/v1/theme/files/templates/index.liquid", new { content = "<p>version one</p>" }, Ct)).ExpectAsync(HttpStatusCode.OK);
        await agency.Client.PutAsJsonAsync("/api/v1/theme/files/templates/index.liquid", new { content = "<p>version two</p>" }, Ct);

        (await agency.Client.PostAsync($"/api/v1/theme/revisions/{first.GetProperty("version").GetInt32()}/rollback", null, Ct)).EnsureSuccessStatusCode();
        var (_, rolledBack) = await Browser.Storefront(api, agency.Slug).GetAsync("/");
        (await agency.Client.DeleteAsync("/api/v1/theme/files/templates/index.liquid", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var (_, reverted) = await Browser.Storefront(api, agency.Slug).GetAsync("/");
        var revisions = await (await agency.Client.GetAsync("/api/v1/theme/revisions", Ct)).ExpectAsync(HttpStatusCode.OK);

        rolledBack.ShouldContain("version one");
        reverted.ShouldNotContain("version one");
        reverted.ShouldContain("aria-label");
        revisions.GetProperty("data").GetArrayLength().ShouldBe(5, "the original (version 1), two saves, a rollback and a revert");
    }

    /// <summary>
    /// The owner's saves must succeed and its page show the snippet, and the other's page must render, so that the
    /// other page's silence comes from the isolation of themes, not from a render tag that never works. The other's own
    /// save is refused by the linter (no such snippet in its theme); a theme stored before that check still renders.
    /// </summary>
    [Fact]
    public async Task Theme_OfAnotherAgency_IsNeverServed()
    {
        var owner = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        var snippet = await owner.Client.PutAsJsonAsync("/api/v1/theme/files/snippets/secret.liquid", new { content = "owner-only-snippet" }, Ct);
        var ownerIndex = await owner.Client.PutAsJsonAsync("/api/v1/theme/files/templates/index.liquid", new { content = "mine: {% render 'secret' %}" }, Ct);
        var otherIndex = await other.Client.PutAsJsonAsync("/api/v1/theme/files/templates/index.liquid", new { content = "theirs: {% render 'secret' %}" }, Ct);
        await StorePastTheLinterAsync(other, "templates/index.liquid", "theirs: {% render 'secret' %}");

        var (_, ownPage) = await Browser.Storefront(api, owner.Slug).GetAsync("/");
        var (status, html) = await Browser.Storefront(api, other.Slug).GetAsync("/");

        await snippet.ExpectAsync(HttpStatusCode.OK);
        await ownerIndex.ExpectAsync(HttpStatusCode.OK);
        (await otherIndex.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "theme_invalid")).GetProperty("errors")[0]
            .GetProperty("message").GetString()!.ShouldContain("there is no snippets/secret.liquid in this theme");
        ownPage.ShouldContain("mine: owner-only-snippet");
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("theirs: ");
        html.ShouldNotContain("owner-only-snippet");
    }

    /// <summary>Writes a theme file as a version of ResellerKit before the linter refused it would have stored it.</summary>
    private async Task StorePastTheLinterAsync(TestAgency agency, string path, string content)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ThemeStore>().SaveFileAsync(AgencyId.From(Guid.Parse(agency.Id)), path, content, Actor.System, Ct);
    }
}
