using ResellerKit.Themes.Lint;

namespace ResellerKit.Storefront.Hosting;

/// <summary>
/// <c>theme lint &lt;folder&gt;</c>: checks a theme developed on disk, as the editor does on save. Prints one issue per
/// line (<c>path:line:column: severity: message</c>); exit code 1 when there is an error.
/// </summary>
public sealed class ThemeLintCommand(string folder) : ICommand
{
    public int Tokens => 3;

    public Task<int> RunAsync(WebApplication app)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"theme lint: no folder at {Path.GetFullPath(folder)}");
            return Task.FromResult(2);
        }
        var issues = app.Services.GetRequiredService<ThemeLinter>().LintFolder(folder);
        foreach (var issue in issues)
        {
            Console.WriteLine(issue);
        }
        var errors = issues.Count(i => i.Severity == LintSeverity.Error);
        Console.WriteLine($"theme lint: {errors} error(s), {issues.Count - errors} warning(s) in {Path.GetFullPath(folder)}");
        return Task.FromResult(errors > 0 ? 1 : 0);
    }
}
