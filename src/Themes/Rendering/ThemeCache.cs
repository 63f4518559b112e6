using System.Collections.Concurrent;
using ResellerKit.Themes.Packages;
using ResellerKit.Themes.Rendering.Budget;
using ResellerKit.Themes.Rendering.Compilation;

namespace ResellerKit.Themes.Rendering;

/// <summary>
/// Parsed templates, locales and settings schemas, per (agency, theme version, path). An entry is used only while its
/// source is unchanged, so a saved file never renders stale even before <see cref="Evict"/> is called. The cache is
/// bounded: when full it starts over.
/// </summary>
public sealed class ThemeCache
{
    private readonly ConcurrentDictionary<(string Agency, int Version, string Path), Entry> entries = new();
    private readonly TemplateCompiler compiler;
    private readonly ThemeLimits limits;

    internal ThemeCache(TemplateCompiler compiler, ThemeLimits limits)
    {
        this.compiler = compiler;
        this.limits = limits;
    }

    public int Count => entries.Count;

    /// <summary>Forgets everything cached for an agency; call it when the agency saves or deletes a theme file or changes base theme.</summary>
    public void Evict(string agencyId)
    {
        var emails = ThemeSource.EmailKeyPrefix + agencyId;
        foreach (var key in entries.Keys.Where(k => k.Agency == agencyId || k.Agency == emails))
        {
            entries.TryRemove(key, out _);
        }
    }

    internal (CompiledTemplate? Template, ThemeError? Error) Template(ThemeSource theme, string path)
    {
        var source = theme.ReadFile(path);
        return source is null
            ? (null, new ThemeError(path, 0, 0, "The file does not exist in this theme."))
            : Get(theme, path, source, text => compiler.Compile(path, text));
    }

    /// <summary>The compiled snippet for <c>render</c>/<c>include</c>, or a render error naming the bad name or the snippet's own error.</summary>
    /// <summary>
    /// The snippet a <c>render</c> or <c>include</c> names; null, with <paramref name="missing"/> saying why, when the
    /// name is not a snippet's (a path, <c>..</c>) or the theme has no such snippet. A snippet that does not parse throws.
    /// </summary>
    internal CompiledTemplate? Snippet(ThemeSource theme, string name, string tag, out string? missing)
    {
        missing = null;
        if (SnippetPaths.PathOf(name) is not { } path)
        {
            missing = SnippetPaths.NotASnippet(tag, name);
            return null;
        }
        var (template, error) = Template(theme, path);
        if (template is not null)
        {
            return template;
        }
        if (error!.Line > 0)
        {
            throw new ThemeRenderException(error.Message, error);
        }
        missing = SnippetPaths.NoSuchSnippet(tag, name, path);
        return null;
    }

    /// <summary>Any value derived from a theme file (a locale table, a settings schema), cached like templates.</summary>
    internal T Get<T>(ThemeSource theme, string path, string source, Func<string, T> build)
    {
        var key = (theme.AgencyId, theme.Version, path);
        if (entries.TryGetValue(key, out var entry) && entry.Source == source && entry.Value is T cached)
        {
            return cached;
        }

        var value = build(source);
        if (entries.Count >= limits.MaxCachedTemplates)
        {
            entries.Clear();
        }

        entries[key] = new Entry(source, value!);
        return value;
    }

    private sealed record Entry(string Source, object Value);
}
