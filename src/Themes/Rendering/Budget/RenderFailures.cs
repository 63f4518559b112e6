using Fluid;

namespace ResellerKit.Themes.Rendering.Budget;

/// <summary>Turns whatever stopped a render into a <see cref="ThemeError"/> against the file that was running, naming the budget.</summary>
internal static class RenderFailures
{
    public static ThemeError ToError(Exception failure, string path, ThemeLimits limits) => failure switch
    {
        ThemeRenderException stopped => stopped.Error ?? new ThemeError(path, 0, 0, stopped.Message, stopped.Limit),
        OperationCanceledException => new ThemeError(path, 0, 0,
            $"The page took longer than {limits.TimeBudget.TotalMilliseconds:N0} ms to render. Look for a loop that does too much work.", ThemeLimit.Time),
        InvalidOperationException steps when steps.Message.Contains("steps has been reached", StringComparison.Ordinal) =>
            new ThemeError(path, 0, 0, $"The template ran more than {limits.MaxSteps:N0} steps. Look for a loop over too many items.", ThemeLimit.Steps),
        InvalidOperationException depth when depth.Message.Contains("maximum level of recursion", StringComparison.Ordinal) =>
            new ThemeError(path, 0, 0, $"Loops and blocks are nested more than {limits.MaxRecursion} deep.", ThemeLimit.Recursion),
        InvalidOperationException output when output.Message.Contains("maximum template output size", StringComparison.Ordinal) =>
            new ThemeError(path, 0, 0,
                $"The template built a text larger than {limits.MaxOutputChars:N0} characters (the page, a capture or a filter's result).",
                ThemeLimit.Output),
        InvalidOperationException collection when collection.Message.Contains("maximum materialized collection size", StringComparison.Ordinal) =>
            new ThemeError(path, 0, 0, $"The template built a list of more than {limits.MaxCollectionItems:N0} items.", ThemeLimit.Collection),
        FluidException fluid => new ThemeError(path, 0, 0, fluid.Message),
        FormatException or ArgumentException or InvalidOperationException or InvalidCastException or OverflowException =>
            new ThemeError(path, 0, 0, $"The template failed: {failure.Message}"),
        _ => new ThemeError(path, 0, 0, $"The template failed ({failure.GetType().Name})."),
    };
}
