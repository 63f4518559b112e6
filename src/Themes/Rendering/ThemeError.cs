namespace ResellerKit.Themes.Rendering;

/// <summary>Why a theme file could not be parsed or rendered, at a place the agency can find in its editor.</summary>
/// <param name="Path">The theme file, such as <c>snippets/pack-card.liquid</c>.</param>
/// <param name="Line">1-based; 0 when the problem has no single place (a time or size budget ran out).</param>
/// <param name="Column">1-based; 0 when unknown.</param>
/// <param name="Message">Plain text for the agency. Never holds data of another tenant or a secret.</param>
/// <param name="Limit">The budget that stopped the theme, or null for a mistake in the theme (a syntax error, a missing file).</param>
public sealed record ThemeError(string Path, int Line, int Column, string Message, ThemeLimit? Limit = null)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}:{Column}: {Message}" : $"{Path}: {Message}";
}
