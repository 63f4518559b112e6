using Fluid;

namespace ResellerKit.Themes.Rendering.Budget;

/// <summary>Turns whatever stopped a render into a <see cref="ThemeError"/> against the file that was running.</summary>
internal static class RenderFailures
{
    public static ThemeError ToError(Exception failure, string path, ThemeLimits limits) => failure switch
    {
        ThemeRenderException stopped => stopped.Error ?? new ThemeError(path, 0, 0, stopped.Message),
        // Fluid 2.41 reports both its step limit and its scope limit with this one message.
        InvalidOperationException budget when budget.Message.Contains("maximum level of recursion", StringComparison.Ordinal) =>
            new ThemeError(path, 0, 0,
                $"The template ran more than {limits.MaxSteps:N0} steps, or nested loops more than {limits.MaxRecursion} deep. Look for a loop over too many items."),
        FluidException fluid => new ThemeError(path, 0, 0, fluid.Message),
        FormatException or ArgumentException or InvalidOperationException or InvalidCastException or OverflowException =>
            new ThemeError(path, 0, 0, $"The template failed: {failure.Message}"),
        _ => new ThemeError(path, 0, 0, $"The template failed ({failure.GetType().Name})."),
    };
}
