using Fluid;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering;
using ResellerKit.Themes.Rendering.Compilation;
using ResellerKit.Themes.Rendering.Filters;
using ResellerKit.Themes.Settings;

namespace ResellerKit.Themes.Lint;

/// <summary>
/// Checks a theme on save and from the command line (<c>theme lint &lt;folder&gt;</c>): missing required files, the
/// containment scan and syntax errors, unknown filters, variables outside the view models, undeclared settings, raw
/// output of data, missing translations and assets, and snippets nothing renders.
/// </summary>
public sealed class ThemeLinter(FluidParser parser, TemplateOptions options, ThemeLimits limits)
{
    /// <summary>Lints a theme folder on disk.</summary>
    public IReadOnlyList<LintIssue> LintFolder(string folder) => Lint(ThemeSource.FromFolder(folder));

    public IReadOnlyList<LintIssue> Lint(ThemeSource theme)
    {
        var issues = new List<LintIssue>();
        var paths = theme.Paths;
        foreach (var required in ThemePaths.RequiredTemplates.Prepend(ThemePaths.Layout).Append(ThemePaths.SettingsSchema).Append(ThemePaths.Locale("en")))
        {
            if (!paths.Contains(required))
            {
                issues.Add(new LintIssue(required, 0, 0, LintSeverity.Error, "This required file is missing."));
            }
        }

        if (theme.TotalChars > limits.MaxThemeChars)
        {
            issues.Add(new LintIssue("", 0, 0, LintSeverity.Error, $"The theme has more than {limits.MaxThemeChars:N0} characters of files."));
        }

        foreach (var path in paths.Where(p => ThemePaths.Problem(p) is not null && p != ThemePaths.SettingsData))
        {
            issues.Add(new LintIssue(path, 0, 0, LintSeverity.Warning, ThemePaths.Problem(path)!));
        }

        var schema = SettingsSchema.Parse(theme.ReadFile(ThemePaths.SettingsSchema) ?? "[]");
        issues.AddRange(schema.Errors.Select(e => new LintIssue(ThemePaths.SettingsSchema, 1, 1, LintSeverity.Error, e)));

        foreach (var locale in paths.Where(p => p.StartsWith("locales/", StringComparison.Ordinal) && p.EndsWith(".json", StringComparison.Ordinal)))
        {
            if (LocaleTable.Problem(theme.ReadFile(locale)!) is (int line, string message))
            {
                issues.Add(new LintIssue(locale, line, 1, LintSeverity.Error, message));
            }
        }

        var liquid = paths.Where(p => p.EndsWith(".liquid", StringComparison.Ordinal)).ToList();
        var tokens = liquid.ToDictionary(p => p, p => LiquidTokenizer.Tokenize(theme.ReadFile(p)!));
        var parameters = SnippetParameters(tokens.Values.SelectMany(t => t));
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in liquid)
        {
            issues.AddRange(LintFile(theme, path, tokens[path], schema, parameters, called));
        }

        foreach (var snippet in liquid.Where(p => p.StartsWith(SnippetPaths.Folder, StringComparison.Ordinal)))
        {
            if (!called.Contains(SnippetPaths.NameOf(snippet)))
            {
                issues.Add(new LintIssue(snippet, 0, 0, LintSeverity.Warning, "No template renders this snippet."));
            }
        }

        return issues;
    }

    private IEnumerable<LintIssue> LintFile(
        ThemeSource theme, string path, IReadOnlyList<LiquidToken> tokens, SettingsSchema schema, IReadOnlyDictionary<string, HashSet<string>> parameters, HashSet<string> called)
    {
        var source = theme.ReadFile(path)!;
        var positions = new SourcePositions(source);
        var blocking = ContainmentScanner.Scan(path, source, tokens, positions, limits).ToList();
        if (blocking.Count == 0 && !parser.TryParse(source, out _, out var message))
        {
            blocking.Add(TemplateCompiler.ParseError(path, message));
        }

        var isEmail = path.StartsWith("email/", StringComparison.Ordinal);
        var roots = new Dictionary<string, Type>(isEmail ? ViewModelSchema.EmailRoots : ViewModelSchema.StorefrontRoots);
        if (path == ThemePaths.Layout)
        {
            roots["content_for_layout"] = typeof(string);
        }
        else if (path == Email.CredentialBlock.TemplatePath)
        {
            roots["button_key"] = typeof(string);
        }

        var english = LocaleTable.Parse((isEmail ? BuiltInThemes.Files(BuiltInThemes.Email)! : new Dictionary<string, string>())
            .GetValueOrDefault(ThemePaths.Locale("en")) ?? theme.ReadFile(ThemePaths.Locale("en")) ?? "{}");
        var ownParameters = parameters.GetValueOrDefault(SnippetPaths.NameOf(path)) ?? [];
        var linter = new LiquidFileLinter(
            path, tokens, positions, roots, ownParameters, schema, english, ThemeFilters.Names(options), asset => theme.ReadFile("assets/" + asset) is not null,
            snippet => theme.ReadFile(snippet) is not null);
        var found = linter.Lint(out var snippets);
        called.UnionWith(snippets);
        return blocking.Select(e => new LintIssue(e.Path, e.Line, e.Column, LintSeverity.Error, e.Message)).Concat(found);
    }

    /// <summary>For each snippet, the variables its callers pass (named arguments, aliases, the snippet's own name).</summary>
    private static Dictionary<string, HashSet<string>> SnippetParameters(IEnumerable<LiquidToken> tokens)
    {
        var parameters = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (_, snippet, _, names) in tokens.Where(t => t.Kind == LiquidTokenKind.Tag).SelectMany(t => LiquidExpressions.Read(t).SnippetCalls))
        {
            var key = SnippetPaths.NameOf(snippet + SnippetPaths.Extension);
            if (!parameters.TryGetValue(key, out var set))
            {
                parameters[key] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(names);
        }

        return parameters;
    }
}
