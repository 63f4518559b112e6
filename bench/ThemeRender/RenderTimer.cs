using System.Diagnostics;

namespace ResellerKit.Bench.ThemeRender;

/// <summary>
/// The method. Warm-up: the engines take turns, 100 ms each, for <see cref="TimingPlan.WarmUp"/>, as tiered JIT needs
/// a few seconds on this machine to replace its first, several times slower code; each engine's fastest (least
/// disturbed) turn sizes its rounds. Then the rounds run interleaved (Fluid, DotLiquid, Fluid…) so that both engines
/// meet the same load from whatever else runs on the 2 shared cores. A round gives its mean time per render, and an
/// engine's figure is the MEDIAN of its rounds. Time is this process's CPU time (all threads, so garbage collection
/// counts), not wall-clock time, which swings several-fold while a build competes for the cores; the wall-clock
/// median and the best round are printed beside it. The heap is collected before each round so that no round pays
/// for another's garbage. ruby/render.rb measures Ruby Liquid the same way.
/// </summary>
internal static class RenderTimer
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(100);

    public static async Task<IReadOnlyList<Timing>> MeasureAsync(IReadOnlyList<Func<ValueTask<string>>> engines, TimingPlan plan)
    {
        var perRound = new long[engines.Count];
        for (var warmUp = Stopwatch.StartNew(); warmUp.Elapsed < plan.WarmUp;)
        {
            for (var e = 0; e < engines.Count; e++)
            {
                var (renders, elapsed) = await RunForAsync(engines[e], Slice);
                perRound[e] = Math.Max(perRound[e], (long)(renders * (plan.Round / elapsed)));
            }
        }

        var cpu = engines.Select(_ => new double[plan.Rounds]).ToArray();
        var wall = engines.Select(_ => new double[plan.Rounds]).ToArray();
        for (var round = 0; round < plan.Rounds; round++)
        {
            for (var e = 0; e < engines.Count; e++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var cpuBefore = Environment.CpuUsage.TotalTime;
                var clock = Stopwatch.StartNew();
                for (long i = 0; i < perRound[e]; i++)
                {
                    await engines[e]();
                }

                wall[e][round] = clock.Elapsed.TotalMicroseconds / perRound[e];
                cpu[e][round] = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMicroseconds / perRound[e];
            }
        }

        return engines.Select((_, e) => new Timing(cpu[e], wall[e], perRound[e])).ToList();
    }

    private static async Task<(long Renders, TimeSpan Elapsed)> RunForAsync(Func<ValueTask<string>> render, TimeSpan time)
    {
        var clock = Stopwatch.StartNew();
        long renders = 0;
        while (clock.Elapsed < time)
        {
            await render();
            renders++;
        }

        return (renders, clock.Elapsed);
    }
}
