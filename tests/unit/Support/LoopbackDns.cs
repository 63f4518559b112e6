using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DnsClient;

namespace ResellerKit.Tests.Unit.Support;

/// <summary>
/// A real DNS server on loopback (Debian's dnsmasq, which ./test.sh installs) serving the TXT records a test publishes.
/// Publishing restarts it with the new records, as an agency's DNS provider would start answering.
/// </summary>
public sealed class LoopbackDns : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/dnsmasq";

    private readonly Dictionary<string, List<string>> records = new(StringComparer.OrdinalIgnoreCase);
    private Process? server;

    public int Port { get; } = FreeUdpAndTcpPort();

    public string Endpoint => $"127.0.0.1:{Port}";

    public static bool IsInstalled => File.Exists(Executable);

    public async Task PublishTxtAsync(string name, string value)
    {
        lock (records)
        {
            (records.TryGetValue(name, out var values) ? values : records[name] = []).Add(value);
        }

        await RestartAsync();
    }

    private async Task RestartAsync()
    {
        Stop();
        string[] txt;
        lock (records)
        {
            txt = records.SelectMany(r => r.Value.Select(v => $"--txt-record={r.Key},{v}")).ToArray();
        }

        var info = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["--keep-in-foreground", $"--port={Port}", "--listen-address=127.0.0.1", "--bind-interfaces",
                     "--no-resolv", "--no-hosts", "--conf-file=/dev/null", "--pid-file=", "--user=root", .. txt])
        {
            info.ArgumentList.Add(argument);
        }

        server = Process.Start(info)!;
        var client = new LookupClient(new LookupClientOptions(new IPEndPoint(IPAddress.Loopback, Port))
        {
            UseCache = false, Timeout = TimeSpan.FromMilliseconds(200), Retries = 0, ThrowDnsErrors = false,
        });
        var ready = await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                // Any answer (dnsmasq refuses names it has no record for) means it is listening.
                await client.QueryAsync("ready.probe", QueryType.TXT, cancellationToken: Ct);
                return true;
            }
            catch (DnsResponseException)
            {
                return false;
            }
        }, answered => answered);
        ready.ShouldBeTrue($"dnsmasq did not answer on {Endpoint}");
    }

    private void Stop()
    {
        if (server is { HasExited: false })
        {
            server.Kill();
            server.WaitForExit();
        }

        server?.Dispose();
        server = null;
    }

    // dnsmasq binds the port for UDP and for TCP, and again at every restart. A port the kernel hands out (32768 and up)
    // can meanwhile become some outgoing connection's own TCP port, and dnsmasq then exits at once; so the port comes
    // from below that range, free for both protocols.
    private static int FreeUdpAndTcpPort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException) when (attempt < 100)
            {
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
