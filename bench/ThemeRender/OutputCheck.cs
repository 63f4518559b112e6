using System.Text.RegularExpressions;

namespace ResellerKit.Bench.ThemeRender;

/// <summary>
/// The engines must have rendered the same page, or the figure compares different work. Whitespace runs count as one
/// space and whitespace between tags as none (engines differ in what <c>{%-</c> trims); everything else must match.
/// ruby/render.rb normalises the same way.
/// </summary>
internal static partial class OutputCheck
{
    public static string Normalize(string html) => BetweenTags().Replace(Whitespace().Replace(html, " "), "><").Trim();

    /// <summary>Null when both normalise to the same text; otherwise where and how they first differ.</summary>
    public static string? Difference(string expectedName, string expected, string actualName, string actual)
    {
        var (a, b) = (Normalize(expected), Normalize(actual));
        if (a == b)
        {
            return null;
        }

        var at = 0;
        while (at < a.Length && at < b.Length && a[at] == b[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 60);
        return $"{actualName} rendered a different page than {expectedName} ({b.Length} vs {a.Length} normalised chars), first at {at}:\n"
            + $"  {expectedName}: …{a[from..Math.Min(a.Length, at + 60)]}…\n"
            + $"  {actualName}: …{b[from..Math.Min(b.Length, at + 60)]}…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"> <")]
    private static partial Regex BetweenTags();
}
