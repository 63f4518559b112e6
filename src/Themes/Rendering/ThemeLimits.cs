namespace ResellerKit.Themes.Rendering;

/// <summary>
/// The budget of one untrusted theme. Fluid alone does not protect the server, so each limit is enforced by ResellerKit
/// code: sizes and nesting before parsing, ranges and strings while evaluating, steps and time while rendering.
/// </summary>
public sealed record ThemeLimits
{
    /// <summary>One file's source, in characters; checked before parsing.</summary>
    public int MaxFileChars { get; init; } = 256 * 1024;

    /// <summary>All files of a theme together (base files plus overrides), in characters.</summary>
    public int MaxThemeChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>Block tags (if, for, capture…) open at once; deeper nesting overflows Fluid's parser stack.</summary>
    public int MaxNesting { get; init; } = 24;

    /// <summary>One <c>{{ }}</c> or <c>{% %}</c>, in characters; long filter or operator chains recurse once per link.</summary>
    public int MaxTagChars { get; init; } = 1000;

    /// <summary>Items in any range <c>(a..b)</c>; Fluid would materialise the whole range before counting a step.</summary>
    public int MaxRangeItems { get; init; } = 1000;

    /// <summary>Items in an array built by a filter (split, concat, map…).</summary>
    public int MaxArrayItems { get; init; } = 10_000;

    /// <summary>Characters in one string value (assign, capture, filter result).</summary>
    public int MaxStringChars { get; init; } = 256 * 1024;

    /// <summary>Fluid's step counter: every statement and loop iteration is a step.</summary>
    public int MaxSteps { get; init; } = 100_000;

    /// <summary>Fluid's scope depth: nested render/include/for.</summary>
    public int MaxRecursion { get; init; } = 20;

    /// <summary>Characters of HTML one render may write.</summary>
    public int MaxOutputChars { get; init; } = 2 * 1024 * 1024;

    /// <summary>
    /// Wall-clock time of one render: a backstop only, since <see cref="MaxSteps"/> already bounds the work. It is
    /// generous so that a busy server (a cold start, a load spike) never fails a page that is within its budget.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Parsed templates kept in memory across all agencies.</summary>
    public int MaxCachedTemplates { get; init; } = 2000;

    public static ThemeLimits Default { get; } = new();
}
