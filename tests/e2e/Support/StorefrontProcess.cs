using System.Collections.Concurrent;
using System.Diagnostics;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>
/// The published Storefront as a real process on a loopback port, as an operator runs it: its own working folder
/// (so the default SQLite file lands there), its console captured, stoppable gently or with kill -9.
/// </summary>
public sealed class StorefrontProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private StorefrontProcess(Process process, string baseUrl, string workDir)
    {
        this.process = process;
        BaseUrl = baseUrl;
        WorkDir = workDir;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    /// <summary>An agency's storefront on its own origin, <c>http://{slug}.localhost:{port}</c> (Chromium resolves it to loopback).</summary>
    public string StorefrontUrl(string slug) => $"http://{slug}.localhost:{new Uri(BaseUrl).Port}";

    public string WorkDir { get; }

    public IReadOnlyList<string> Output => output.ToList();

    public int ProcessId => process.Id;

    public static string NewWorkDir() => Directory.CreateTempSubdirectory("resellerkit-e2e-").FullName;

    public static async Task<StorefrontProcess> StartAsync(
        string workDir, IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        var url = $"http://127.0.0.1:{port ?? FreePort.Next()}";
        var info = Info(workDir, environment, Repository.StorefrontDll, "--urls", url);
        var started = new StorefrontProcess(Process.Start(info)!, url, workDir);
        await started.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return started;
    }

    /// <summary>Runs an operator command (<c>ledger verify</c>) against the same folder and configuration.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(
        string workDir, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var command = Process.Start(Info(workDir, environment, [Repository.StorefrontDll, .. args]))!;
        var stdout = command.StandardOutput.ReadToEndAsync(Ct);
        var stderr = command.StandardError.ReadToEndAsync(Ct);
        await command.WaitForExitAsync(Ct);
        return (command.ExitCode, await stdout + await stderr);
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Storefront exited with {process.ExitCode}:\n{string.Join('\n', Output)}");
            }
            try
            {
                if ((await http.GetAsync(BaseUrl + "/readyz", Ct)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!Ct.IsCancellationRequested) { }
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"The Storefront was not ready within {timeout}:\n{string.Join('\n', Output)}");
    }

    /// <summary>Waits for a console line, such as the banner's last line.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Output.FirstOrDefault(match) is { } line) return line;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException("Expected console output did not appear:\n" + string.Join('\n', Output));
    }

    /// <summary>This install's sandbox key, as its start-up banner prints it.</summary>
    public async Task<string> SandboxKeyAsync()
    {
        var line = await WaitForOutputAsync(l => l.Contains("Sandbox API key", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Single(w => w.StartsWith("sk_test_", StringComparison.Ordinal));
    }

    /// <summary>kill -9: no shutdown hooks, no flushing. What a crash looks like.</summary>
    public async Task KillHardAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(Ct);
    }

    public async Task StopAsync()
    {
        if (process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(Ct);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillHardAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static ProcessStartInfo Info(string workDir, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        // The published app runs as Production, where payments are off without Stripe keys: the tests pay in the sandbox.
        info.Environment["Stripe__Mode"] = "Sandbox";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        return info;
    }
}
