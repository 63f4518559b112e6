using System.Text.Json.Nodes;

namespace ResellerKit.Bench.ThemeRender;

/// <summary>
/// The theme files under <c>templates/</c>: aurora's pack page (index, layout, header, notice, pack-card, footer)
/// rewritten so that Fluid, DotLiquid and Ruby Liquid can all run it: English text instead of <c>t</c> (DotLiquid has
/// no named filter arguments), <c>include</c> instead of <c>render</c> (DotLiquid has none), <c>!= ""</c> instead of
/// <c>blank</c>, no <c>'now' | date</c>, and settings whose values templates see as they are (colours, text, a
/// range, a select, a checkbox). <c>money</c> and <c>asset_url</c> stay: in Fluid they are ResellerKit's own filters,
/// the others get stand-ins that print the same text.
/// </summary>
internal sealed class PortableTheme(IReadOnlyDictionary<string, string> files)
{
    public const string Page = "templates/index.liquid";
    public const string Layout = "layout/theme.liquid";
    private const string Schema = "config/settings_schema.json";

    /// <summary>Theme files by their path in the theme, such as <c>snippets/pack-card.liquid</c>.</summary>
    public IReadOnlyDictionary<string, string> Files { get; } = files;

    public static PortableTheme Load(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal));

    public string Snippet(string name) =>
        Files.TryGetValue($"snippets/{name}.liquid", out var source) ? source : throw new FileNotFoundException($"No snippets/{name}.liquid in the bench theme.");

    /// <summary>
    /// The <c>settings</c> the other engines get: each setting's default, as ResellerKit resolves them when the agency
    /// set nothing (the schema holds only types whose value a template sees unchanged).
    /// </summary>
    public JsonObject SettingDefaults()
    {
        var defaults = new JsonObject();
        foreach (var section in JsonNode.Parse(Files[Schema])!.AsArray())
        {
            foreach (var setting in section!["settings"]!.AsArray())
            {
                defaults[(string)setting!["id"]!] = setting["default"]?.DeepClone();
            }
        }

        return defaults;
    }
}
