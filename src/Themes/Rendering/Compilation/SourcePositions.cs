namespace ResellerKit.Themes.Rendering.Compilation;

/// <summary>Turns character offsets of one source into 1-based line and column numbers.</summary>
public sealed class SourcePositions
{
    private readonly List<int> lineStarts = [0];

    public SourcePositions(string source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public (int Line, int Column) At(int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }
}
