using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using ResellerKit.Engine.Branding;
using ResellerKit.Engine.Common;
using ResellerKit.Storefront.Api.Auth;
using ResellerKit.Storefront.Api.Errors;
using ResellerKit.Storefront.Branding;
using ResellerKit.Themes.Packages;

namespace ResellerKit.Storefront.Api.Themes;

public static class ThemeEndpoints
{
    public static RouteGroupBuilder MapThemes(this RouteGroupBuilder api)
    {
        var theme = api.MapGroup("/theme").RequireAuthorization(ApiPolicies.Agency).WithTags("Theme");
        theme.MapGet("/", GetAsync).WithName("GetTheme");
        theme.MapPut("/settings", SaveSettingsAsync).WithName("SaveThemeSettings");
        theme.MapPut("/base", ChangeBaseAsync).WithName("ChangeBaseTheme");
        theme.MapGet("/files/{**path}", GetFileAsync).WithName("GetThemeFile");
        theme.MapPut("/files/{**path}", SaveFileAsync).WithName("SaveThemeFile");
        theme.MapDelete("/files/{**path}", DeleteFileAsync).WithName("RevertThemeFile");
        theme.MapGet("/revisions", RevisionsAsync).WithName("ListThemeRevisions");
        theme.MapPost("/revisions/{version:int}/rollback", RollbackAsync).WithName("RollbackTheme");
        return api;
    }

    public static async Task<Results<Ok<ThemeResponse>, ProblemHttpResult>> GetAsync(ApiCaller caller, ThemeEditor editor, CancellationToken ct)
    {
        var theme = await editor.GetAsync(caller.Agency, ct);
        return theme.IsSuccess ? TypedResults.Ok(ThemeResponse.From(theme.Value)) : theme.Error.ToProblem();
    }

    public static async Task<Results<Ok<ThemeResponse>, ProblemHttpResult>> SaveSettingsAsync(
        JsonObject values, ApiCaller caller, ThemeEditor editor, CancellationToken ct) =>
        Respond(await editor.SaveSettingsAsync(caller.Agency, values, caller.Actor, ct));

    public static async Task<Results<Ok<ThemeResponse>, ProblemHttpResult>> ChangeBaseAsync(
        BaseThemeRequest request, ApiCaller caller, ThemeEditor editor, CancellationToken ct) =>
        Respond(await editor.ChangeBaseAsync(caller.Agency, request.BaseTheme ?? "", caller.Actor, ct));

    public static async Task<Results<Ok<ThemeFileResponse>, ProblemHttpResult>> GetFileAsync(
        string path, ApiCaller caller, ThemeEditor editor, CancellationToken ct)
    {
        var theme = await editor.GetAsync(caller.Agency, ct);
        if (!theme.IsSuccess)
        {
            return theme.Error.ToProblem();
        }
        var normalized = ThemePaths.Normalize(path);
        return theme.Value.Theme.ReadFile(normalized) is { } content
            ? TypedResults.Ok(new ThemeFileResponse(normalized, content, theme.Value.State.Files.ContainsKey(normalized)))
            : new Engine.Common.NotFound("theme file").ToProblem();
    }

    public static async Task<Results<Ok<ThemeResponse>, ProblemHttpResult>> SaveFileAsync(
        string path, ThemeFileRequest request, ApiCaller caller, ThemeEditor editor, CancellationToken ct) =>
        Respond(await editor.SaveFileAsync(caller.Agency, path, request.Content, caller.Actor, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteFileAsync(string path, ApiCaller caller, ThemeEditor editor, CancellationToken ct)
    {
        var result = await editor.DeleteFileAsync(caller.Agency, path, caller.Actor, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    public static async Task<Ok<Page<ThemeRevisionResponse>>> RevisionsAsync(ApiCaller caller, ThemeStore store, CancellationToken ct) =>
        TypedResults.Ok(new Page<ThemeRevisionResponse>((await store.RevisionsAsync(caller.Agency, 100, ct)).Select(ThemeRevisionResponse.From).ToList(), null));

    public static async Task<Results<Ok<ThemeResponse>, ProblemHttpResult>> RollbackAsync(
        int version, ApiCaller caller, ThemeEditor editor, CancellationToken ct) =>
        Respond(await editor.RollbackAsync(caller.Agency, version, caller.Actor, ct));

    private static Results<Ok<ThemeResponse>, ProblemHttpResult> Respond(Result<ThemeSaved> result) =>
        result.IsSuccess ? TypedResults.Ok(ThemeResponse.From(result.Value.Theme, result.Value.Warnings)) : result.Error.ToProblem();
}
