using ResellerKit.Themes.Rendering.Compilation;
using ResellerKit.Themes.Rendering.Filters;
using ResellerKit.Themes.Settings;

namespace ResellerKit.Themes.Lint;

/// <summary>Checks one Liquid file's filters, variables, settings, raw outputs, translation keys and assets.</summary>
internal sealed class LiquidFileLinter(
    string path,
    IReadOnlyList<LiquidToken> tokens,
    SourcePositions positions,
    IReadOnlyDictionary<string, Type> roots,
    IReadOnlySet<string> snippetParameters,
    SettingsSchema schema,
    LocaleTable english,
    IReadOnlySet<string> filters,
    Func<string, bool> assetExists,
    Func<string, bool> fileExists)
{
    private readonly List<LintIssue> issues = [];
    private readonly Dictionary<string, (string? Source, bool IsLoop)> locals = new(StringComparer.Ordinal);

    public IReadOnlyList<LintIssue> Lint(out IReadOnlyList<string> snippetsCalled)
    {
        var facts = tokens.Where(t => t.Kind != LiquidTokenKind.Text).Select(LiquidExpressions.Read).ToList();
        foreach (var (name, source, isLoop) in facts.SelectMany(f => f.Declarations))
        {
            locals.TryAdd(name, (source, isLoop));
        }

        foreach (var fact in facts)
        {
            foreach (var (name, offset) in fact.Filters.Where(f => !filters.Contains(f.Name)))
            {
                Add(offset, LintSeverity.Error, ThemeFilters.Removed.Contains(name)
                    ? $"The filter '{name}' is not available in ResellerKit themes."
                    : $"Unknown filter '{name}'.");
            }

            fact.References.ForEach(Check);
            foreach (var (key, offset, plural) in fact.TranslationKeys.Where(k => !HasTranslation(k.Key, k.Plural)))
            {
                Add(offset, LintSeverity.Warning, $"No translation for '{key}' in locales/en.json.");
            }

            foreach (var (asset, offset) in fact.Assets.Where(a => !assetExists(a.Name)))
            {
                Add(offset, LintSeverity.Warning, $"There is no assets/{asset} in this theme.");
            }

            foreach (var (tag, snippet, offset, _) in fact.SnippetCalls)
            {
                CheckSnippet(tag, snippet, offset);
            }

            foreach (var offset in fact.SnippetNamesFromVariables)
            {
                Add(offset, LintSeverity.Warning,
                    "This include takes the snippet's name from a variable, which only the page can read; a name that is no snippet of this theme prints nothing.");
            }
        }

        snippetsCalled = facts.SelectMany(f => f.SnippetCalls).Select(c => c.Snippet).ToList();
        return issues;
    }

    /// <summary>A render or include loads only a snippet of the theme by its bare name; anything else would print nothing.</summary>
    private void CheckSnippet(string tag, string name, int offset)
    {
        if (SnippetPaths.PathOf(name) is not { } snippet)
        {
            Add(offset, LintSeverity.Error, SnippetPaths.NotASnippet(tag, name));
        }
        else if (!fileExists(snippet))
        {
            Add(offset, LintSeverity.Error, SnippetPaths.NoSuchSnippet(tag, name, snippet));
        }
    }

    private void Check(LiquidReference reference)
    {
        var display = reference.Root + string.Concat(reference.Members.Select(m => m == "[]" ? "[]" : "." + m));
        if (reference.Root == "settings")
        {
            CheckSetting(reference, display);
            return;
        }

        var isLocal = locals.ContainsKey(reference.Root) || snippetParameters.Contains(reference.Root) || reference.Root is "forloop" or "tablerowloop";
        if (!isLocal && !roots.ContainsKey(reference.Root))
        {
            Add(reference.Offset, LintSeverity.Warning, $"Unknown variable '{reference.Root}': it prints nothing.");
            return;
        }

        if (reference.IsRawOutput && !isLocal && reference.Root != "content_for_layout")
        {
            Add(reference.Offset, LintSeverity.Error, $"'{display} | raw' would print data unescaped; only richtext settings are sanitised HTML.");
        }

        var type = Resolve(reference.Root, 0);
        foreach (var member in reference.Members)
        {
            if (type is null || member == "size")
            {
                return;
            }

            var next = member is "[]" or "first" or "last" ? ViewModelSchema.ElementOf(type) : ViewModelSchema.Member(type, member);
            if (next is null && (ViewModelSchema.IsViewModel(type) || ViewModelSchema.ElementOf(type) is null))
            {
                Add(reference.Offset, LintSeverity.Warning, $"'{display}': {ViewModelSchema.Unwrap(type).Name} has no member '{member}', so it prints nothing.");
                return;
            }

            type = next;
        }
    }

    private void CheckSetting(LiquidReference reference, string display)
    {
        if (reference.Members.Count == 0)
        {
            return;
        }

        var setting = schema.Find(reference.Members[0]);
        if (setting is null)
        {
            Add(reference.Offset, LintSeverity.Warning, $"'{display}' is not declared in config/settings_schema.json, so it prints nothing.");
        }
        else if (reference.IsRawOutput && setting.Type != SettingType.RichText)
        {
            Add(reference.Offset, LintSeverity.Warning, $"'{display} | raw': only richtext settings are sanitised HTML.");
        }
    }

    /// <summary>The type of a root variable: a view model's member, a loop variable's element, a plain assign's source; null when any.</summary>
    private Type? Resolve(string root, int depth)
    {
        if (depth < 5 && locals.TryGetValue(root, out var local))
        {
            return local.Source is { } source && ResolvePath(source, depth + 1) is { } type
                ? local.IsLoop ? ViewModelSchema.ElementOf(type) : type
                : null;
        }

        return snippetParameters.Contains(root) ? null : roots.GetValueOrDefault(root);
    }

    private Type? ResolvePath(string path, int depth)
    {
        var parts = path.Split('.');
        var type = Resolve(parts[0], depth);
        foreach (var member in parts.Skip(1))
        {
            type = type is null ? null : ViewModelSchema.Member(type, member);
        }

        return type;
    }

    private bool HasTranslation(string key, bool plural) =>
        english.Find(key) is not null || (plural && english.Find(key + ".one") is not null && english.Find(key + ".other") is not null);

    private void Add(int offset, LintSeverity severity, string message)
    {
        var (line, column) = positions.At(offset);
        issues.Add(new LintIssue(path, line, column, severity, message));
    }
}
