namespace ResellerKit.Themes.Lint;

public sealed class ThemeLinter;
