using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace ResellerKit.Bench.Load.Page;

/// <summary>The P2 baseline: a bare Kestrel app serving one file with the static-file middleware, nothing else.</summary>
public static class StaticPage
{
    public static async Task<WebApplication> StartAsync(string folder, string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder) });
        await app.StartAsync();
        return app;
    }
}
