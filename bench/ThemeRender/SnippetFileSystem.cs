using System.Collections.Concurrent;
using DotLiquid;
using DotLiquid.FileSystems;

namespace ResellerKit.Bench.ThemeRender;

/// <summary>DotLiquid's <c>include</c> reads <c>snippets/name.liquid</c> of the bench theme, each parsed once, as Fluid and Ruby cache theirs.</summary>
internal sealed class SnippetFileSystem(PortableTheme theme) : ITemplateFileSystem
{
    private readonly ConcurrentDictionary<string, Template> parsed = new(StringComparer.Ordinal);

    public string ReadTemplateFile(Context context, string templateName) => theme.Snippet(Name(context, templateName));

    public Template GetTemplate(Context context, string templateName) =>
        parsed.GetOrAdd(Name(context, templateName), name => Template.Parse(theme.Snippet(name)));

    /// <summary>DotLiquid passes the tag's expression (<c>'pack-card'</c>, quotes included); evaluate it to the name.</summary>
    private static string Name(Context context, string templateName) => context[templateName] as string ?? templateName;
}
