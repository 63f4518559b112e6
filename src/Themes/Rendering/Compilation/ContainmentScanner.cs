using System.Text.RegularExpressions;

namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>
/// Checks an untrusted Liquid source before Fluid parses it: its size, and literal ranges larger than a template may
/// build (reported with their line and column on save, before the render would stop on them). Deep nesting and long
/// filter chains are refused by the parser itself (<see cref="ThemeLimits.MaxParserDepth"/>).
/// </summary>
public static partial class ContainmentScanner
{
    public static IReadOnlyList<ThemeError> Scan(string path, string source, ThemeLimits limits) =>
        Scan(path, source, LiquidTokenizer.Tokenize(source), new SourcePositions(source), limits);

    public static IReadOnlyList<ThemeError> Scan(
        string path, string source, IReadOnlyList<LiquidToken> tokens, SourcePositions positions, ThemeLimits limits)
    {
        var errors = new List<ThemeError>();
        if (source.Length > limits.MaxFileChars)
        {
            errors.Add(new ThemeError(path, 1, 1, $"The file has {source.Length:N0} characters; the limit is {limits.MaxFileChars:N0}.", ThemeLimit.FileSize));
            return errors;
        }

        foreach (var token in tokens.Where(t => t.Kind != LiquidTokenKind.Text))
        {
            foreach (Match range in LiteralRange().Matches(token.Markup))
            {
                var from = decimal.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                var to = decimal.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (Math.Abs(to - from) + 1 > limits.MaxCollectionItems)
                {
                    var (line, column) = positions.At(token.MarkupStart + range.Index);
                    errors.Add(new ThemeError(path, line, column, $"The range {range.Value} has more than {limits.MaxCollectionItems:N0} items.", ThemeLimit.Collection));
                }
            }
        }

        return errors;
    }

    // ASCII digits only: \d also matches other scripts' digits, which decimal.Parse cannot read.
    [GeneratedRegex(@"\(\s*(-?[0-9]{1,18})\s*\.\.\s*(-?[0-9]{1,18})\s*\)")]
    private static partial Regex LiteralRange();
}
