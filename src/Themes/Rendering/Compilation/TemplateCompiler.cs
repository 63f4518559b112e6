using System.Text.RegularExpressions;
using Fluid;

namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>Scan, parse, rewrite: the one way a theme file becomes something that can run.</summary>
internal sealed partial class TemplateCompiler(FluidParser parser, ThemeLimits limits)
{
    public (CompiledTemplate? Template, ThemeError? Error) Compile(string path, string source)
    {
        var scan = ContainmentScanner.Scan(path, source, limits);
        if (scan.Count > 0)
        {
            return (null, scan[0]);
        }

        if (!parser.TryParse(source, out var template, out var message))
        {
            return (null, ParseError(path, message));
        }

        var contained = new ContainmentRewriter().VisitTemplate(template);
        return (new CompiledTemplate(path, contained), null);
    }

    /// <summary>Fluid reports "Unknown tag 'foo' at (2:9)" followed by the source line; keep the sentence and the position.</summary>
    public static ThemeError ParseError(string path, string message)
    {
        var firstLine = message.Split('\n', 2)[0].Trim();
        var position = Position().Match(firstLine);
        if (!position.Success)
        {
            return new ThemeError(path, 1, 1, firstLine);
        }

        var text = firstLine[..position.Index].Trim();
        var limit = text.Contains("maximum parser recursion depth", StringComparison.Ordinal) ? ThemeLimit.ParserDepth : (ThemeLimit?)null;
        if (limit is not null)
        {
            text = "Blocks, filters or expressions are nested too deeply here; " + text[0..1].ToLowerInvariant() + text[1..];
        }

        return new ThemeError(path, int.Parse(position.Groups[1].Value), int.Parse(position.Groups[2].Value), text, limit);
    }

    [GeneratedRegex(@"\s*at \((\d+):(\d+)\)\s*$")]
    private static partial Regex Position();
}
