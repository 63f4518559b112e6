namespace ResellerKit.Themes.Lint;

/// <summary>What one output or tag uses and declares, as <see cref="LiquidExpressions"/> reads it. Offsets are in the file.</summary>
internal sealed class TokenFacts
{
    public List<(string Name, int Offset)> Filters { get; } = [];

    public List<LiquidReference> References { get; } = [];

    /// <summary>Variables the tag creates; <c>Source</c> is the path a <c>for</c> iterates or a plain <c>assign</c> copies.</summary>
    public List<(string Name, string? Source, bool IsLoop)> Declarations { get; } = [];

    /// <summary>A <c>render</c> or <c>include</c> of a literal name: the tag, the name as written and where it starts.</summary>
    public List<(string Tag, string Snippet, int Offset, IReadOnlyList<string> Parameters)> SnippetCalls { get; } = [];

    /// <summary>Where an <c>include</c> takes its snippet's name from a variable, which only the render can read.</summary>
    public List<int> SnippetNamesFromVariables { get; } = [];

    public List<(string Key, int Offset, bool Plural)> TranslationKeys { get; } = [];

    public List<(string Name, int Offset)> Assets { get; } = [];
}
