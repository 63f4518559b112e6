using System.Text.RegularExpressions;

namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>
/// Checks an untrusted Liquid source before Fluid parses it: its size, the length of each tag (long filter and
/// operator chains recurse), the nesting of block tags (deep nesting overflows the parser's stack) and literal
/// ranges (a range is materialised before any step is counted).
/// </summary>
public static partial class ContainmentScanner
{
    /// <summary>The Liquid block tags Fluid knows; each opens a level of nesting until its <c>end…</c> tag.</summary>
    public static readonly IReadOnlySet<string> BlockTags =
        new HashSet<string>(StringComparer.Ordinal) { "if", "unless", "case", "for", "tablerow", "capture", "comment", "raw", "ifchanged" };

    public static IReadOnlyList<ThemeError> Scan(string path, string source, ThemeLimits limits) =>
        Scan(path, source, LiquidTokenizer.Tokenize(source), new SourcePositions(source), limits);

    public static IReadOnlyList<ThemeError> Scan(
        string path, string source, IReadOnlyList<LiquidToken> tokens, SourcePositions positions, ThemeLimits limits)
    {
        var errors = new List<ThemeError>();
        if (source.Length > limits.MaxFileChars)
        {
            errors.Add(new ThemeError(path, 1, 1, $"The file has {source.Length:N0} characters; the limit is {limits.MaxFileChars:N0}."));
            return errors;
        }

        var open = new Stack<LiquidToken>();
        foreach (var token in tokens.Where(t => t.Kind != LiquidTokenKind.Text))
        {
            ThemeError At(int offset, string message)
            {
                var (line, column) = positions.At(offset);
                return new ThemeError(path, line, column, message);
            }

            if (token.Length > limits.MaxTagChars)
            {
                errors.Add(At(token.Start, $"This tag is {token.Length:N0} characters long; the limit is {limits.MaxTagChars:N0}. Split it up."));
            }

            foreach (Match range in LiteralRange().Matches(token.Markup))
            {
                var from = decimal.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                var to = decimal.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (Math.Abs(to - from) + 1 > limits.MaxRangeItems)
                {
                    errors.Add(At(token.MarkupStart + range.Index, $"The range {range.Value} has more than {limits.MaxRangeItems:N0} items."));
                }
            }

            if (BlockTags.Contains(token.Name))
            {
                open.Push(token);
                if (open.Count > limits.MaxNesting)
                {
                    errors.Add(At(token.Start, $"Blocks are nested more than {limits.MaxNesting} deep here."));
                    return errors;
                }
            }
            else if (token.Name.StartsWith("end", StringComparison.Ordinal) && open.Count > 0 && open.Peek().Name == token.Name[3..])
            {
                open.Pop();
            }
        }

        return errors;
    }

    [GeneratedRegex(@"\(\s*(-?\d{1,18})\s*\.\.\s*(-?\d{1,18})\s*\)")]
    private static partial Regex LiteralRange();
}
