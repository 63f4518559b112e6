using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace ResellerKit.Tests.E2e.Support;

/// <summary>
/// What a page asked the network for and when (ms since <see cref="Watch"/>), its loads, and what it still waits for:
/// when a page does not finish loading, the report says which request is hanging.
/// </summary>
public sealed class PageTimeline
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<string> events = new();
    private readonly ConcurrentDictionary<IRequest, long> pending = new();

    private PageTimeline()
    {
    }

    public TimeSpan Elapsed => clock.Elapsed;

    public static PageTimeline Watch(IPage page)
    {
        var timeline = new PageTimeline();
        page.Request += (_, r) => timeline.Started(r);
        page.RequestFinished += (_, r) => timeline.Ended(r, "done");
        page.RequestFailed += (_, r) => timeline.Ended(r, "failed " + r.Failure);
        page.FrameNavigated += (_, f) => timeline.Note(f == page.MainFrame ? $"committed {f.Url}" : null);
        page.DOMContentLoaded += (_, _) => timeline.Note("domcontentloaded");
        page.Load += (_, _) => timeline.Note("load");
        return timeline;
    }

    public void Note(string? what)
    {
        if (what is not null)
        {
            events.Enqueue($"{clock.ElapsedMilliseconds,7} ms  {what}");
        }
    }

    public override string ToString()
    {
        var now = clock.ElapsedMilliseconds;
        var waiting = pending.Select(p => $"{p.Key.Method} {p.Key.Url} (for {now - p.Value} ms)").ToList();
        return string.Join('\n', events) + "\nStill waiting for: " + (waiting.Count == 0 ? "no request" : string.Join("; ", waiting));
    }

    private void Started(IRequest request)
    {
        pending[request] = clock.ElapsedMilliseconds;
        Note($"asked {request.Method} {request.Url}");
    }

    private void Ended(IRequest request, string how)
    {
        pending.TryRemove(request, out _);
        Note($"{how} {request.Method} {request.Url}");
    }
}
