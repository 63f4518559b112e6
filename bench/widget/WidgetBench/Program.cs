using System.Globalization;
using Microsoft.Playwright;
using ResellerKit.Bench;
using ResellerKit.Bench.Widget;

// Figure P3: the embedded widget on the published Storefront, driven by real Chromium from another origin.
//   js           JavaScript on the wire (encoded bodies and headers) before the widget is interactive, cold cache
//   cold         navigation start -> interactive, the first widget a freshly started process serves (goal <= 600 ms)
//   interactive  navigation start -> rendered, enabled "Buy Starter" button (checked every animation frame from the
//                start, in the page): median of 10 warm loads
//   circuit      live managed heap per open widget circuit (full GC before and after opening them)
//   circuits     whether N concurrent widget circuits (default 200) all came up on this one node
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: WidgetBench <path to ResellerKit.Storefront.dll> [circuits]");
    return 2;
}
var circuits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;

// The agency is set up on one process, which then stops; the figures are taken on a fresh one over the same data, so
// the first load is the first widget that process ever serves.
var dll = Path.GetFullPath(args[0]);
var folder = Directory.CreateTempSubdirectory("resellerkit-bench-widget-").FullName;
using var site = new StaticSite();
string slug, secret;
await using (var setup = await StorefrontHost.StartAsync(dll, folder: folder))
{
    var created = await BenchAgency.CreateAsync(setup.BaseUrl, site.Origin);
    (slug, secret) = (created.Slug, await created.ClientSecretAsync());
}
await using var host = await StorefrontHost.StartAsync(dll, folder: folder);
var url = site.Put("/portal", StaticSite.Embed(host.BaseUrl, slug, secret));
using var playwright = await Playwright.CreateAsync();
await using var browser = await Chromium.LaunchAsync(playwright);

// 1. Cold load: which scripts, how many bytes, which encoding.
var context = await browser.NewContextAsync();
await context.AddInitScriptAsync(WidgetPage.Watch);
var page = await context.NewPageAsync();
var timings = Environment.GetEnvironmentVariable("WIDGET_TIMINGS") == "1";
var started = DateTime.UtcNow;
page.WebSocket += (_, ws) =>
{
    if (!timings) return;
    Console.WriteLine($"  websocket {ws.Url} opened at {(DateTime.UtcNow - started).TotalMilliseconds:0} ms");
    var frames = 0;
    ws.FrameReceived += (_, f) => { if (frames++ < 12) Console.WriteLine($"    frame in #{frames} {f.Binary?.Length ?? f.Text?.Length} B at {(DateTime.UtcNow - started).TotalMilliseconds:0} ms"); };
    ws.FrameSent += (_, f) => Console.WriteLine($"    frame out {f.Binary?.Length ?? f.Text?.Length} B at {(DateTime.UtcNow - started).TotalMilliseconds:0} ms");
};
if (timings)
{
    await page.AddInitScriptAsync(WidgetPage.Timeline); // browser-clock marks: scripts run, socket open, frames, first render
}
var scripts = new List<IResponse>();
page.Response += (_, r) => { if (r.Request.ResourceType == "script") lock (scripts) scripts.Add(r); };
await page.GotoAsync(url);
var cold = await WidgetPage.InteractiveAtAsync(page);
long jsBytes = 0;
foreach (var response in scripts.ToList())
{
    var sizes = await response.Request.SizesAsync();
    jsBytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
    var encoding = (await response.AllHeadersAsync()).GetValueOrDefault("content-encoding", "identity");
    Console.WriteLine($"  script {new Uri(response.Url).AbsolutePath}: {sizes.ResponseBodySize:N0} B body ({encoding}) + {sizes.ResponseHeadersSize:N0} B headers");
}
Console.WriteLine($"  cold load interactive at {cold:0} ms");
if (timings)
{
    var entries = await page.EvaluateAsync<string>("() => performance.getEntries().map(e => `${e.entryType} ${e.name.replace(location.origin,'')} start=${e.startTime.toFixed(0)} ${e.responseStart ? `firstByte=${e.responseStart.toFixed(0)} ` : ''}end=${(e.responseEnd ?? (e.startTime + e.duration)).toFixed(0)}`).join(' | ')");
    Console.WriteLine(entries.Replace(" | ", "\n"));
    Console.WriteLine(await WidgetPage.TimelineAsync(page));
}

// 2. Warm loads: the same tab navigates again; the browser's cache holds the scripts (revalidated, 304).
var warm = new List<double>();
for (var i = 0; i < 11; i++)
{
    await page.GotoAsync(url);
    var at = await WidgetPage.InteractiveAtAsync(page);
    if (i > 0) warm.Add(at); // the first one only warms the cache
}
if (timings)
{
    Console.WriteLine("  last warm load:\n" + await WidgetPage.TimelineAsync(page));
}
warm.Sort();
var median = (warm[4] + warm[5]) / 2;
Console.WriteLine($"  warm loads (ms): {string.Join(' ', warm.Select(w => w.ToString("0", CultureInfo.InvariantCulture)))}");
await context.CloseAsync(); // closing the tab sends the disconnect beacon, so its circuit ends now
await Task.Delay(2_000);

// 3. N concurrent circuits, one tab each, opened in batches; then the managed heap with them open.
var before = HeapProbe.LiveBytes(host.ProcessId);
var crowd = await browser.NewContextAsync();
var tabs = new List<IPage>();
var ready = 0;
foreach (var batch in Enumerable.Range(0, circuits).Chunk(20))
{
    var opened = await Task.WhenAll(batch.Select(async _ =>
    {
        var tab = await crowd.NewPageAsync();
        await tab.GotoAsync(url);
        try
        {
            await WidgetPage.InteractiveAtAsync(tab, 120_000);
            Interlocked.Increment(ref ready);
        }
        catch (TimeoutException)
        {
        }
        return tab;
    }));
    tabs.AddRange(opened);
}
await Task.Delay(1_000);
var after = HeapProbe.LiveBytes(host.ProcessId);
var perCircuit = (after - before) / (double)circuits;
Console.WriteLine($"  managed heap: {before / 1024.0 / 1024.0:0.0} MB with no circuit, {after / 1024.0 / 1024.0:0.0} MB with {ready}/{circuits} open");

// The node still answers while they are all open.
using (var http = new HttpClient())
{
    var health = await http.GetAsync(host.BaseUrl + "/healthz");
    Console.WriteLine($"  /healthz with {circuits} circuits open: {(int)health.StatusCode}");
}
await crowd.CloseAsync();

var kb = (double b) => (b / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
Console.WriteLine(
    $"P3 widget: js={kb(jsBytes)}KB cold={cold.ToString("0", CultureInfo.InvariantCulture)}ms interactive={median.ToString("0", CultureInfo.InvariantCulture)}ms circuit={kb(perCircuit)}KB " +
    $"circuits{circuits}={(ready == circuits ? "ok" : $"{ready}/{circuits}")}");
await host.DisposeAsync();
Directory.Delete(folder, recursive: true);
return ready == circuits ? 0 : 1;
