using System.Net;
using System.Text;

namespace ResellerKit.Bench.Widget;

/// <summary>The agency's own website on another loopback origin: plain HTML pages with the widget's two lines.</summary>
public sealed class StaticSite : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, string> pages = new(StringComparer.Ordinal);

    public StaticSite()
    {
        Origin = $"http://127.0.0.1:{StorefrontHost.FreePort()}";
        listener.Prefixes.Add(Origin + "/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Origin { get; }

    public string Put(string path, string html)
    {
        lock (pages) pages[path] = html;
        return Origin + path;
    }

    public static string Embed(string storefront, string agency, string secret) => $"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agency site</title></head>
        <body><h1>Our client portal</h1>
        <script src="{storefront}/widget.js" defer></script>
        <resellerkit-credits agency="{agency}" client-secret="{secret}" style="display:block;min-height:22rem"></resellerkit-credits>
        </body></html>
        """;

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            string? html;
            lock (pages) html = pages.GetValueOrDefault(context.Request.Url!.AbsolutePath);
            var body = Encoding.UTF8.GetBytes(html ?? "not found");
            context.Response.StatusCode = html is null ? 404 : 200;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose() => listener.Close();
}
