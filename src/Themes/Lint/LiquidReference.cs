namespace ResellerKit.Themes.Lint;

/// <summary>A variable path read by a template, such as <c>pack.price.amount</c>, at its offset in the source.</summary>
internal sealed record LiquidReference(int Offset, string Root, IReadOnlyList<string> Members, bool IsRawOutput);
