using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ResellerKit.Bench;

/// <summary>
/// The published Storefront (artifacts/storefront) as its own process on a loopback port, in a fresh folder (its SQLite
/// file, mail pickup and keys live there). Shared by the bench drivers; <paramref name="environment"/> adds or overrides
/// configuration.
/// </summary>
public sealed class StorefrontHost : IAsyncDisposable
{
    public const string PlatformKey = "rk_platform_bench_key_for_the_bench_figures";

    private readonly Process process;
    private readonly bool ownsFolder;
    private bool disposed;

    private StorefrontHost(Process process, string baseUrl, string folder, bool ownsFolder)
    {
        this.process = process;
        this.ownsFolder = ownsFolder;
        BaseUrl = baseUrl;
        Folder = folder;
    }

    public string BaseUrl { get; }

    /// <summary>The working folder: the default SQLite file is <c>resellerkit.db</c> in it.</summary>
    public string Folder { get; }

    public int ProcessId => process.Id;

    public static async Task<StorefrontHost> StartAsync(string dll, IReadOnlyDictionary<string, string>? environment = null, string? folder = null)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var ownsFolder = folder is null;
        folder ??= Directory.CreateTempSubdirectory("resellerkit-bench-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", url }) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ResellerKit__PlatformApiKey"] = PlatformKey;
        info.Environment["ResellerKit__SeedDemo"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("storefront: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new StorefrontHost(process, url, folder, ownsFolder);
        await host.WaitUntilReadyAsync();
        return host;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            if (process.HasExited) throw new InvalidOperationException($"The Storefront exited with {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/readyz")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }
        throw new TimeoutException("The Storefront was not ready within 90 s.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the process (SIGKILL: what is committed is what a crash would leave); removes a folder it made. Once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        if (ownsFolder) Directory.Delete(Folder, recursive: true);
    }
}
