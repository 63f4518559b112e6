namespace ResellerKit.Themes.Rendering;

/// <summary>
/// The budget of one untrusted theme. Fluid 3 enforces steps, scope depth, output size, collection sizes, parser depth
/// and cancellation; ResellerKit adds the sizes checked before parsing, a memory budget, a time budget and a cap on
/// concurrent renders per agency. Bound from the <c>Themes:Limits</c> configuration section.
/// </summary>
public sealed record ThemeLimits
{
    public const string Section = "Themes:Limits";

    /// <summary>One file's source, in characters; checked before parsing.</summary>
    public int MaxFileChars { get; init; } = 256 * 1024;

    /// <summary>All files of a theme together (base files plus overrides), in characters.</summary>
    public int MaxThemeChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>Fluid's parser depth: nested blocks, filter chains and expressions; deeper input would overflow the stack.</summary>
    public int MaxParserDepth { get; init; } = 64;

    /// <summary>Items in any list a template materialises: a range, split, concat, map… (Fluid's MaxCollectionSize).</summary>
    public int MaxCollectionItems { get; init; } = 10_000;

    /// <summary>Characters of one render's HTML, of one capture, and of one filter's result (Fluid's MaxOutputSize).</summary>
    public int MaxOutputChars { get; init; } = 2 * 1024 * 1024;

    /// <summary>Fluid's step counter: every statement and loop iteration is a step.</summary>
    public int MaxSteps { get; init; } = 100_000;

    /// <summary>Fluid's scope depth (nested for loops) and the depth of nested render/include.</summary>
    public int MaxRecursion { get; init; } = 20;

    /// <summary>
    /// What one render may allocate for text and lists, in bytes: every filter result and capture is charged when it is
    /// built, so a template that keeps thousands of large strings stops long before it fills the server's memory.
    /// </summary>
    public long MaxMemoryBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Wall-clock time of one render. Pages render in well under a millisecond; this stops a theme that spins.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The time budget until this process has rendered any page once: the first render also pays for compiling the
    /// engine's code (JIT), which on a busy 2-core machine alone can pass <see cref="TimeBudget"/>.
    /// </summary>
    public TimeSpan ColdTimeBudget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Storefront renders of one agency's theme running at once; the others wait, so one theme cannot take every core.</summary>
    public int MaxConcurrentRendersPerAgency { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>How long a storefront request waits for its agency's render slot before it is answered 503 with Retry-After.</summary>
    public TimeSpan RenderQueueTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Parsed templates kept in memory across all agencies.</summary>
    public int MaxCachedTemplates { get; init; } = 2000;

    public static ThemeLimits Default { get; } = new();
}
