using System.Text.RegularExpressions;
using ResellerKit.Themes.Rendering.Compilation;

namespace ResellerKit.Themes.Lint;

/// <summary>
/// Reads the filters, variables, declarations, snippet calls, translation keys and asset names of one output or tag,
/// lexically and with exact offsets (Fluid's syntax tree carries no positions).
/// </summary>
internal static partial class LiquidExpressions
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "contains", "true", "false", "nil", "null", "empty", "blank", "in", "with", "as", "for", "reversed",
        "limit", "offset", "cols", "else", "when", "continue", "break",
    };

    /// <summary>Tags whose markup holds no expression to check.</summary>
    private static readonly HashSet<string> NoExpressions = new(StringComparer.Ordinal)
    {
        "capture", "increment", "decrement", "comment", "raw", "#", "else", "break", "continue",
    };

    public static TokenFacts Read(LiquidToken token)
    {
        var facts = new TokenFacts();
        var markup = Blank(token.Markup);
        var start = token.Kind == LiquidTokenKind.Tag ? ExpressionStart(token, markup, facts) : 0;
        if (start < 0)
        {
            return facts;
        }

        foreach (Match filter in Filter().Matches(markup, start))
        {
            facts.Filters.Add((filter.Groups[1].Value, token.MarkupStart + filter.Groups[1].Index));
        }

        var isRaw = token.Kind == LiquidTokenKind.Output && Filter().Matches(markup).Any(m => m.Groups[1].Value == "raw");
        var firstPipe = markup.IndexOf('|', start);
        foreach (Match path in VariablePath().Matches(markup, start))
        {
            var root = path.Groups[1].Value;
            var after = path.Index + path.Length;
            var isNamedArgument = after < markup.Length && markup[after..].TrimStart().StartsWith(':');
            var isFilterName = markup[..path.Index].TrimEnd().EndsWith('|');
            var isAlias = markup[..path.Index].TrimEnd().EndsWith(" as", StringComparison.Ordinal);
            if (Keywords.Contains(root) || isNamedArgument || isFilterName || isAlias)
            {
                continue;
            }

            var members = Segment().Matches(path.Groups[2].Value).Select(s => s.Groups[1].Success ? s.Groups[1].Value : "[]").ToList();
            var beforeFilters = firstPipe < 0 || path.Index < firstPipe;
            facts.References.Add(new LiquidReference(token.MarkupStart + path.Index, root, members, isRaw && beforeFilters));
        }

        foreach (Match literal in LiteralThroughFilter().Matches(token.Markup))
        {
            var offset = token.MarkupStart + literal.Index;
            if (literal.Groups[3].Value == "t")
            {
                facts.TranslationKeys.Add((literal.Groups[2].Value, offset, literal.Groups[4].Value.Contains("count:", StringComparison.Ordinal)));
            }
            else
            {
                facts.Assets.Add((literal.Groups[2].Value, offset));
            }
        }

        return facts;
    }

    /// <summary>Where a tag's expression starts (after <c>assign x =</c>, <c>for x in</c>…), recording what it declares; -1 for none.</summary>
    private static int ExpressionStart(LiquidToken token, string markup, TokenFacts facts)
    {
        if (NoExpressions.Contains(token.Name) || token.Name.StartsWith("end", StringComparison.Ordinal))
        {
            if (token.Name is "capture" or "increment" or "decrement" && Declared().Match(markup) is { Success: true } declared)
            {
                facts.Declarations.Add((declared.Groups[1].Value, null, false));
            }

            return -1;
        }

        switch (token.Name)
        {
            case "assign" when Assign().Match(markup) is { Success: true } assign:
                var plain = PlainPath().Match(markup[assign.Length..]);
                facts.Declarations.Add((assign.Groups[1].Value, plain.Success ? plain.Groups[1].Value : null, false));
                return assign.Length;
            case "for" or "tablerow" when Loop().Match(markup) is { Success: true } loop:
                facts.Declarations.Add((loop.Groups[1].Value, loop.Groups[2].Value, true));
                return loop.Groups[2].Index;
            case "render" or "include" when Snippet().Match(token.Markup) is { Success: true } call:
                var parameters = NamedArgument().Matches(markup, call.Length).Select(m => m.Groups[1].Value)
                    .Concat(Alias().Matches(markup, call.Length).Select(m => m.Groups[1].Value))
                    .Append(SnippetPaths.NameOf(call.Groups[2].Value + SnippetPaths.Extension))
                    .ToList();
                facts.SnippetCalls.Add((call.Groups[1].Value, call.Groups[2].Value, token.MarkupStart + call.Groups[2].Index, parameters));
                return call.Length;
            case "include" when SnippetFromVariable().Match(markup) is { Success: true } dynamic:
                facts.SnippetNamesFromVariables.Add(token.MarkupStart + dynamic.Groups[1].Index);
                return dynamic.Groups[1].Index;
            default:
                return Math.Min(token.Name.Length, markup.Length);
        }
    }

    /// <summary>The markup with string literals and <c>..</c> replaced by spaces, so offsets stay but nothing inside strings is read.</summary>
    private static string Blank(string markup)
    {
        var chars = markup.ToCharArray();
        char? quote = null;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (quote is not null || c is '"' or '\'')
            {
                quote = quote is null ? c : c == quote ? null : quote;
                chars[i] = ' ';
            }
            else if (c == '.' && i + 1 < chars.Length && chars[i + 1] == '.')
            {
                chars[i] = chars[i + 1] = ' ';
            }
        }

        return new string(chars);
    }

    [GeneratedRegex(@"\|\s*([A-Za-z_][\w]*)")]
    private static partial Regex Filter();

    [GeneratedRegex(@"(?<![\w.\]\-])([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[\s*\d+\s*\])*)")]
    private static partial Regex VariablePath();

    [GeneratedRegex(@"\.([A-Za-z_][\w-]*)|\[\s*\d+\s*\]")]
    private static partial Regex Segment();

    [GeneratedRegex(@"^\w+\s+([\w-]+)")]
    private static partial Regex Declared();

    [GeneratedRegex(@"^assign\s+([\w-]+)\s*=")]
    private static partial Regex Assign();

    [GeneratedRegex(@"^\s*([A-Za-z_][\w.-]*)\s*$")]
    private static partial Regex PlainPath();

    [GeneratedRegex(@"^(?:for|tablerow)\s+([\w-]+)\s+in\s+([A-Za-z_(][\w.\-()\s]*?)(?=\s+(?:limit|offset|reversed|cols)\b|\s*$)")]
    private static partial Regex Loop();

    [GeneratedRegex(@"^(render|include)\s+['""]([^'""]+)['""]")]
    private static partial Regex Snippet();

    [GeneratedRegex(@"^include\s+([A-Za-z_])")]
    private static partial Regex SnippetFromVariable();

    [GeneratedRegex(@"([A-Za-z_][\w-]*)\s*:")]
    private static partial Regex NamedArgument();

    [GeneratedRegex(@"\bas\s+([A-Za-z_][\w-]*)")]
    private static partial Regex Alias();

    [GeneratedRegex(@"(?<![:,]\s*)(['""])([^'""]+)\1\s*\|\s*(t|asset_url)\b([^|]*)")]
    private static partial Regex LiteralThroughFilter();
}
