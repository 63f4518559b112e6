using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DotLiquid;

namespace ResellerKit.Bench.ThemeRender;

/// <summary>
/// The page through DotLiquid as a .NET shop would run it: templates parsed once, the data as DotLiquid hashes (its
/// fastest kind of variable), snippets parsed once by <see cref="SnippetFileSystem"/>, no escaping, no limits.
/// </summary>
internal sealed class DotLiquidPage
{
    private readonly Template page;
    private readonly Template layout;
    private readonly Hash pageVariables;
    private readonly Hash layoutVariables;

    public DotLiquidPage(PortableTheme theme, JsonObject data)
    {
        // DotLiquid's file system and filters are process-wide; this program renders only this theme.
        Template.FileSystem = new SnippetFileSystem(theme);
        Template.RegisterFilter(typeof(DotLiquidFilters));
        page = Template.Parse(theme.Files[PortableTheme.Page]);
        layout = Template.Parse(theme.Files[PortableTheme.Layout]);
        pageVariables = (Hash)ToDotLiquid(data)!;
        layoutVariables = (Hash)ToDotLiquid(data)!;
    }

    public string Render()
    {
        layoutVariables["content_for_layout"] = page.Render(Parameters(pageVariables));
        return layout.Render(Parameters(layoutVariables));
    }

    private static RenderParameters Parameters(Hash variables) =>
        new(CultureInfo.InvariantCulture) { LocalVariables = variables, ErrorsOutputMode = ErrorsOutputMode.Rethrow };

    private static object? ToDotLiquid(JsonNode? node) => node switch
    {
        JsonObject members => members.Aggregate(new Hash(), (hash, member) =>
        {
            hash[member.Key] = ToDotLiquid(member.Value);
            return hash;
        }),
        JsonArray items => items.Select(ToDotLiquid).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            JsonValueKind.Number when value.TryGetValue<long>(out var whole) => whole,
            JsonValueKind.Number => value.GetValue<decimal>(),
            _ => null,
        },
        _ => null,
    };
}
