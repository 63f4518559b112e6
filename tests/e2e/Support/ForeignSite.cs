using System.Net;
using System.Text;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>
/// A plain static web server on its own loopback port: an agency's website, on an origin other than the Storefront's.
/// It serves whatever HTML the test puts at a path.
/// </summary>
public sealed class ForeignSite : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, string> pages = new(StringComparer.Ordinal);
    private readonly Task loop;

    public ForeignSite()
    {
        Origin = $"http://127.0.0.1:{FreePort.Next()}";
        listener.Prefixes.Add(Origin + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Origin { get; }

    public string Put(string path, string html)
    {
        lock (pages) pages[path] = html;
        return Origin + path;
    }

    /// <summary>A page with the widget's two lines, as an agency pastes them, and a log of the widget's DOM events.</summary>
    public string Embed(string path, string storefront, string agency, string? clientSecret, string extraAttributes = "") => Put(path, $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Agency site</title>
        <style>body{font-family:sans-serif;margin:2rem;max-width:56rem}</style></head>
        <body>
        <h1>Our client portal</h1>
        <script src="{{storefront}}/widget.js" defer></script>
        <resellerkit-credits agency="{{agency}}"{{(clientSecret is null ? "" : $" client-secret=\"{clientSecret}\"")}}{{extraAttributes}}></resellerkit-credits>
        <ul id="events"></ul>
        <script>
          for (const type of ['ready', 'purchase-started', 'purchase-completed', 'error'])
            document.addEventListener('resellerkit:' + type, e => {
              const li = document.createElement('li'); li.textContent = type + (e.detail?.code ? ' ' + e.detail.code : ''); document.getElementById('events').append(li);
            });
        </script>
        </body></html>
        """);

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

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
