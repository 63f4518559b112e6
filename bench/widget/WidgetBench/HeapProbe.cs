using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace ResellerKit.Bench.Widget;

/// <summary>
/// The live managed heap of another .NET process: an EventPipe session with the GCHeapCollect keyword makes the runtime
/// run a full blocking GC, and the GCHeapStats event that follows gives the size of what survived.
/// </summary>
public static class HeapProbe
{
    private const long GcHeapCollect = 0x800000;

    public static long LiveBytes(int processId)
    {
        var client = new DiagnosticsClient(processId);
        var provider = new EventPipeProvider(ClrTraceEventParser.ProviderName, System.Diagnostics.Tracing.EventLevel.Informational,
            (long)ClrTraceEventParser.Keywords.GC | GcHeapCollect);
        using var session = client.StartEventPipeSession(provider, requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        long? live = null;
        var induced = false;
        source.Clr.GCStart += e => induced |= e.Reason == Microsoft.Diagnostics.Tracing.Parsers.Clr.GCReason.Induced;
        source.Clr.GCHeapStats += e =>
        {
            if (!induced) return;
            live = e.TotalHeapSize;
            session.Stop();
        };
        var reader = Task.Run(source.Process);
        if (!reader.Wait(TimeSpan.FromSeconds(30)))
        {
            session.Stop();
        }
        return live ?? throw new InvalidOperationException("The runtime reported no induced GC within 30 s.");
    }
}
