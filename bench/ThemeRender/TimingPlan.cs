namespace ResellerKit.Bench.ThemeRender;

/// <summary>How long to warm the engines up (together), then how many timed rounds of about what length each engine runs.</summary>
internal sealed record TimingPlan(TimeSpan WarmUp, int Rounds, TimeSpan Round)
{
    /// <summary>About 9 s for both engines together, small enough for bench.sh quick.</summary>
    public static TimingPlan Quick { get; } = new(TimeSpan.FromSeconds(5), 15, TimeSpan.FromMilliseconds(150));

    /// <summary>About 35 s for both engines together; the .NET rounds then agree within a few percent.</summary>
    public static TimingPlan Full { get; } = new(TimeSpan.FromSeconds(10), 41, TimeSpan.FromMilliseconds(300));

    public static TimingPlan? Named(string mode) => mode switch
    {
        "quick" => Quick,
        "full" => Full,
        _ => null,
    };
}
