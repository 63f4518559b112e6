namespace ResellerKit.Themes.Lint;

/// <summary>What one output or tag uses and declares, as <see cref="LiquidExpressions"/> reads it. Offsets are in the file.</summary>
internal sealed class TokenFacts
{
    public List<(string Name, int Offset)> Filters { get; } = [];

    public List<LiquidReference> References { get; } = [];

    /// <summary>Variables the tag creates; <c>Source</c> is the path a <c>for</c> iterates or a plain <c>assign</c> copies.</summary>
    public List<(string Name, string? Source, bool IsLoop)> Declarations { get; } = [];

    public List<(string Snippet, IReadOnlyList<string> Parameters)> SnippetCalls { get; } = [];

    public List<(string Key, int Offset, bool Plural)> TranslationKeys { get; } = [];

    public List<(string Name, int Offset)> Assets { get; } = [];
}
