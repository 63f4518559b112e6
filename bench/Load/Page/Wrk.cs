using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ResellerKit.Bench.Load.Page;

/// <summary>Debian's wrk: keep-alive GETs of one URL from a fixed number of connections; answers requests per second.</summary>
public static partial class Wrk
{
    public const int Threads = 2;
    public const int Connections = 32;

    /// <param name="host">The Host header to send, for a storefront on its own host name reached at the loopback address.</param>
    public static async Task<double> RequestsPerSecondAsync(string url, TimeSpan duration, string? host = null)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] hostHeader = host is null ? [] : ["-H", $"Host: {host}"];
        foreach (var arg in (string[])["-t", $"{Threads}", "-c", $"{Connections}", "-d", $"{(int)duration.TotalSeconds}s", .. hostHeader, url]) info.ArgumentList.Add(arg);
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
        return double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(Non-2xx or 3xx responses|Socket errors):.*")]
    private static partial Regex Errors();
}
