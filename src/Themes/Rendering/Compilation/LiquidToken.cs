namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>The kind of a piece of Liquid source.</summary>
public enum LiquidTokenKind
{
    Text,
    Output,
    Tag,
}

/// <summary>One piece of a Liquid source with its position: text, <c>{{ output }}</c> or <c>{% tag %}</c>.</summary>
/// <param name="Name">The tag's name (<c>if</c>, <c>endfor</c>); empty for text and output.</param>
/// <param name="Markup">What stands between the delimiters, without whitespace-control dashes.</param>
/// <param name="MarkupStart">The offset of <paramref name="Markup"/> in the source.</param>
/// <param name="Terminated">False when the closing <c>}}</c> or <c>%}</c> is missing.</param>
public sealed record LiquidToken(
    LiquidTokenKind Kind,
    int Start,
    int End,
    string Name,
    string Markup,
    int MarkupStart,
    bool Terminated = true)
{
    public int Length => End - Start;
}
