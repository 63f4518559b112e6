using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ResellerKit.Tests.Unit.Support;
using ResellerKit.Themes.Packages;

namespace ResellerKit.Tests.Unit.BackOffice;

/// <summary>
/// The theme editor saves to a draft: the storefront keeps the published theme, the preview (a token on the
/// storefront's host, never stored by a cache) shows the draft, Publish makes it live, Discard drops it. The API still
/// writes the live theme. The history starts at the original (version 1), which can be restored. Line numbers show.
/// </summary>
public sealed partial class ThemeEditorDraftTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string Index = "templates/index.liquid";

    [Fact]
    public async Task ThemeDraft_SavedInTheEditor_ShowsInThePreviewOnlyUntilPublished()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        var shop = Browser.Storefront(api, agency.Slug);

        await SaveAsync(owner, WithMarker("Draft marker 7f3"));
        var (_, editor) = await owner.GetAsync("/admin/theme");
        var preview = await shop.Client.GetAsync(PreviewPath(editor), Ct);
        var previewHtml = await preview.Content.ReadAsStringAsync(Ct);
        var (_, liveBefore) = await shop.GetAsync("/");
        await owner.SubmitAsync("/admin/theme", "/admin/theme", ("_handler", "publish-draft"));
        var (_, liveAfter) = await shop.GetAsync("/");
        var (_, editorAfter) = await owner.GetAsync("/admin/theme");

        editor.ShouldContain("Unpublished changes");
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        previewHtml.ShouldContain("Draft marker 7f3");
        preview.Headers.CacheControl!.NoStore.ShouldBeTrue();
        liveBefore.ShouldNotContain("Draft marker 7f3");
        liveAfter.ShouldContain("Draft marker 7f3");
        editorAfter.ShouldNotContain("Unpublished changes");
    }

    [Fact]
    public async Task ThemeDraft_Discarded_TheEditorAndPreviewShowThePublishedThemeAgain()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        await SaveAsync(owner, WithMarker("Discard me 91c"));
        await owner.SubmitAsync("/admin/theme", "/admin/theme", ("_handler", "discard-draft"));
        var (_, editor) = await owner.GetAsync("/admin/theme");
        var (_, preview) = await Browser.Storefront(api, agency.Slug).GetAsync(PreviewPath(editor));

        editor.ShouldNotContain("Unpublished changes");
        editor.ShouldNotContain("Discard me 91c");
        preview.ShouldNotContain("Discard me 91c");
    }

    [Fact]
    public async Task ThemePreview_ForgedOrOtherAgencysToken_IsNotFound()
    {
        var agency = await api.CreateAgencyAsync();
        var other = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        await SaveAsync(owner, WithMarker("Secret draft 3aa"));
        var (_, editor) = await owner.GetAsync("/admin/theme");

        var (forged, _) = await Browser.Storefront(api, agency.Slug).GetAsync("/preview/not-a-token/index");
        var (elsewhere, html) = await Browser.Storefront(api, other.Slug).GetAsync(PreviewPath(editor));

        forged.ShouldBe(HttpStatusCode.NotFound);
        elsewhere.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldNotContain("Secret draft 3aa");
    }

    /// <summary>
    /// An agency's theme is untrusted HTML and script: framed in the back office, it may run and post its own forms on its
    /// own origin, but never navigate the back office's tab (a fake sign-in page), open windows or show dialogs over it.
    /// </summary>
    [Fact]
    public async Task ThemePreview_Frame_IsSandboxedWithoutTopNavigationPopupsOrDialogs()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);

        var (_, editor) = await owner.GetAsync("/admin/theme");

        var sandbox = PreviewSandbox().Match(editor);
        sandbox.Success.ShouldBeTrue("the preview iframe has a sandbox attribute");
        sandbox.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["allow-scripts", "allow-same-origin", "allow-forms"], ignoreOrder: true);
        PreviewPath(editor).ShouldStartWith("/preview/");
    }

    [Fact]
    public async Task ThemeApi_PutFile_StillWritesTheLiveThemeDirectly()
    {
        var agency = await api.CreateAgencyAsync();

        (await agency.Client.PutAsJsonAsync($"/api/v1/theme/files/{Index}", new { content = WithMarker("Api live 55d") }, Ct)).EnsureSuccessStatusCode();
        var (_, live) = await Browser.Storefront(api, agency.Slug).GetAsync("/");

        live.ShouldContain("Api live 55d");
    }

    [Fact]
    public async Task ThemeHistory_FirstChange_KeepsTheOriginalAsVersion1AndItCanBeRestored()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        await SaveAsync(owner, WithMarker("Changed once b0b"));
        await owner.SubmitAsync("/admin/theme", "/admin/theme", ("_handler", "publish-draft"));

        var (_, editor) = await owner.GetAsync("/admin/theme");
        await owner.SubmitAsync("/admin/theme", "/admin/theme/rollback/1");
        var (_, live) = await Browser.Storefront(api, agency.Slug).GetAsync("/");
        var revisions = await (await agency.Client.GetAsync("/api/v1/theme/revisions", Ct)).ExpectAsync(HttpStatusCode.OK);

        editor.ShouldContain("<td>1</td><td>Original theme</td>");
        editor.ShouldContain("Restore version 1");
        live.ShouldNotContain("Changed once b0b");
        revisions.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("version").GetInt32()).ShouldContain(1);
    }

    [Fact]
    public async Task ThemeEditor_File_ShowsALineNumberForEveryLine()
    {
        var agency = await api.CreateAgencyAsync();
        var owner = await api.SignInOwnerAsync(agency);
        var lines = BuiltInThemes.Files("aurora")![Index].Split('\n').Length;

        var (_, editor) = await owner.GetAsync("/admin/theme");

        var gutter = Gutter().Match(editor);
        gutter.Success.ShouldBeTrue("the editor has a line-number gutter");
        System.Net.WebUtility.HtmlDecode(gutter.Groups[1].Value).Split('\n').ShouldBe(Enumerable.Range(1, lines).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string WithMarker(string marker) => $"<p>{marker}</p>\n" + BuiltInThemes.Files("aurora")![Index];

    private static async Task SaveAsync(Browser owner, string content)
    {
        var response = await owner.SubmitAsync("/admin/theme", "/admin/theme",
            ("_handler", "save-file"), ("FileInput.Path", Index), ("FileInput.Content", content));
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("to your draft");
    }

    private static string PreviewPath(string editorHtml)
    {
        var src = PreviewSrc().Match(editorHtml);
        src.Success.ShouldBeTrue("the editor has a preview frame");
        return new Uri(System.Net.WebUtility.HtmlDecode(src.Groups[1].Value)).PathAndQuery;
    }

    [GeneratedRegex("<iframe title=\"Storefront preview\" src=\"([^\"]+)\"")]
    private static partial Regex PreviewSrc();

    [GeneratedRegex("<iframe title=\"Storefront preview\"[^>]* sandbox=\"([^\"]*)\"")]
    private static partial Regex PreviewSandbox();

    [GeneratedRegex("<pre class=\"gutter\" aria-hidden=\"true\">([^<]*)</pre>")]
    private static partial Regex Gutter();
}
