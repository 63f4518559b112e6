using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ResellerKit.Bench.Load.Page;

/// <summary>Debian's wrk: keep-alive GETs of one URL from a fixed number of connections; answers requests per second and the p99 latency.</summary>
public static partial class Wrk
{
    public const int Threads = 2;
    public const int Connections = 32;

    /// <param name="host">The Host header to send, for a storefront on its own host name reached at the loopback address.</param>
    public static async Task<WrkRun> RunAsync(string url, TimeSpan duration, string? host = null)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] hostHeader = host is null ? [] : ["-H", $"Host: {host}"];
        foreach (var arg in (string[])["--latency", "-t", $"{Threads}", "-c", $"{Connections}", "-d", $"{(int)duration.TotalSeconds}s", .. hostHeader, url]) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start (on Debian: apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || RequestsPerSecond().Match(output) is not { Success: true } rate)
        {
            throw new InvalidOperationException($"wrk {url} failed ({process.ExitCode}): {output}{await process.StandardError.ReadToEndAsync()}");
        }
        if (Errors().Match(output) is { Success: true } errors)
        {
            throw new InvalidOperationException($"wrk {url}: {errors.Value.Trim()}\n{output}");
        }
        var p99 = P99().Match(output);
        var value = p99.Success ? double.Parse(p99.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        var ms = p99.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
        return new WrkRun(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), ms);
    }

    [GeneratedRegex(@"\s99%\s+([0-9.]+)(us|ms|s)\b")]
    private static partial Regex P99();

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(Non-2xx or 3xx responses|Socket errors):.*")]
    private static partial Regex Errors();
}

/// <summary>One wrk run: requests per second, and the 99th percentile of latency in milliseconds.</summary>
public sealed record WrkRun(double RequestsPerSecond, double P99Ms);
