namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>
/// Splits Liquid source into text, outputs and tags without parsing expressions, so that sizes and nesting can be
/// checked before Fluid's recursive parser sees the source. The bodies of <c>raw</c> and <c>comment</c> are text.
/// </summary>
public static class LiquidTokenizer
{
    public static IReadOnlyList<LiquidToken> Tokenize(string source)
    {
        var tokens = new List<LiquidToken>();
        var position = 0;
        while (position < source.Length)
        {
            var open = NextOpening(source, position);
            if (open < 0)
            {
                tokens.Add(Text(source, position, source.Length));
                break;
            }

            if (open > position)
            {
                tokens.Add(Text(source, position, open));
            }

            var token = ReadDelimited(source, open);
            tokens.Add(token);
            position = token.End;
            if (token.Kind == LiquidTokenKind.Tag && token.Name is "raw" or "comment")
            {
                var bodyEnd = SkipBody(source, position, token.Name);
                if (bodyEnd > position)
                {
                    tokens.Add(Text(source, position, bodyEnd));
                }

                position = bodyEnd;
            }
        }

        return tokens;
    }

    private static int NextOpening(string source, int from)
    {
        for (var i = source.IndexOf('{', from); i >= 0 && i + 1 < source.Length; i = source.IndexOf('{', i + 1))
        {
            if (source[i + 1] is '{' or '%')
            {
                return i;
            }
        }

        return -1;
    }

    private static LiquidToken Text(string source, int start, int end) =>
        new(LiquidTokenKind.Text, start, end, "", source[start..end], start);

    private static LiquidToken ReadDelimited(string source, int open)
    {
        var isTag = source[open + 1] == '%';
        var closing = isTag ? "%}" : "}}";
        var close = FindClosing(source, open + 2, closing);
        var terminated = close >= 0;
        var end = terminated ? close + 2 : source.Length;
        var innerStart = open + 2;
        var innerEnd = terminated ? close : source.Length;
        if (innerStart < innerEnd && source[innerStart] == '-')
        {
            innerStart++;
        }

        if (terminated && innerEnd > innerStart && source[innerEnd - 1] == '-')
        {
            innerEnd--;
        }

        while (innerStart < innerEnd && char.IsWhiteSpace(source[innerStart]))
        {
            innerStart++;
        }

        var markup = source[innerStart..innerEnd].TrimEnd();
        var name = isTag ? TagName(markup) : "";
        return new LiquidToken(isTag ? LiquidTokenKind.Tag : LiquidTokenKind.Output, open, end, name, markup, innerStart, terminated);
    }

    private static string TagName(string markup)
    {
        if (markup.StartsWith('#'))
        {
            return "#";
        }

        var length = 0;
        while (length < markup.Length && (char.IsLetterOrDigit(markup[length]) || markup[length] == '_'))
        {
            length++;
        }

        return markup[..length];
    }

    /// <summary>The closing delimiter, skipping quoted strings so that <c>{{ "}}" }}</c> reads as one output.</summary>
    private static int FindClosing(string source, int from, string closing)
    {
        char? quote = null;
        for (var i = from; i + 1 < source.Length; i++)
        {
            var c = source[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == closing[0] && source[i + 1] == closing[1])
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The offset of the tag that closes a raw or comment body (nested comments count).</summary>
    private static int SkipBody(string source, int from, string name)
    {
        var depth = 1;
        var position = from;
        while (position < source.Length)
        {
            var open = NextOpening(source, position);
            if (open < 0)
            {
                return source.Length;
            }

            var token = ReadDelimited(source, open);
            if (token.Kind == LiquidTokenKind.Tag && token.Name == name && name == "comment")
            {
                depth++;
            }
            else if (token.Kind == LiquidTokenKind.Tag && token.Name == "end" + name && --depth == 0)
            {
                return open;
            }

            position = Math.Max(token.End, open + 2);
        }

        return source.Length;
    }
}
