using System.Globalization;
using ResellerKit.Bench.ThemeRender;

// P2b of bench.sh: one storefront pack page rendered by ResellerKit's ThemeRenderer (Fluid) and by DotLiquid, with
// the same templates and data; bench/theme-render.sh then runs ruby/render.rb on the files this writes to the output
// folder (data.json, fluid.html) and prints the P2b line. The last line here is for that script.
if (args.Length is < 1 or > 2 || TimingPlan.Named(args[0]) is not { } plan)
{
    Console.Error.WriteLine("usage: ThemeRender quick|full [output-folder]");
    return 2;
}

var output = args.Length == 2 ? Directory.CreateDirectory(args[1]).FullName : Directory.CreateTempSubdirectory("theme-render-").FullName;
var theme = PortableTheme.Load(Path.Combine(AppContext.BaseDirectory, "templates"));
var data = PageData.ToJson(theme);
var fluid = FluidPage.Create(theme);
var dotLiquid = new DotLiquidPage(theme, data);

var fluidHtml = await fluid.RenderAsync();
var dotLiquidHtml = dotLiquid.Render();
await File.WriteAllTextAsync(Path.Combine(output, "data.json"), data.ToJsonString());
await File.WriteAllTextAsync(Path.Combine(output, "fluid.html"), fluidHtml);
await File.WriteAllTextAsync(Path.Combine(output, "dotliquid.html"), dotLiquidHtml);
if (OutputCheck.Difference("fluid", fluidHtml, "dotliquid", dotLiquidHtml) is { } difference)
{
    Console.Error.WriteLine($"theme-render: {difference}\n(outputs in {output})");
    return 1;
}

Console.WriteLine($"page: {fluidHtml.Length} chars from Fluid, {dotLiquidHtml.Length} from DotLiquid, same after whitespace normalisation");
var timings = await RenderTimer.MeasureAsync([fluid.RenderAsync, () => ValueTask.FromResult(dotLiquid.Render())], plan);
var (fluidTiming, dotLiquidTiming) = (timings[0], timings[1]);
Console.WriteLine($"fluid (ThemeRenderer): {fluidTiming}");
Console.WriteLine($"dotliquid: {dotLiquidTiming}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fluid_us={fluidTiming.MedianUs:F1} dotliquid_us={dotLiquidTiming.MedianUs:F1}"));
return 0;
