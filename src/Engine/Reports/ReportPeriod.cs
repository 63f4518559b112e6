namespace ResellerKit.Engine.Reports;

public enum Granularity
{
    Day,
    Week,
    Month,
}

/// <summary>A span of whole UTC days cut into buckets: the last 30 days, 12 weeks (Monday to Sunday) or 12 months by default.</summary>
public sealed record ReportPeriod(Granularity Granularity, DateOnly From, DateOnly To)
{
    public static ReportPeriod Default(Granularity granularity, DateOnly today) => granularity switch
    {
        Granularity.Week => new(granularity, BucketOf(Granularity.Week, today).AddDays(-7 * 11), today),
        Granularity.Month => new(granularity, BucketOf(Granularity.Month, today).AddMonths(-11), today),
        _ => new(granularity, today.AddDays(-29), today),
    };

    public int FromDay => Day(From);

    public int ToDay => Day(To);

    /// <summary>The period as instants: from the first day's midnight (UTC) up to, not including, the midnight after the last.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Instants() =>
        (new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    /// <summary>Every bucket's first day, oldest first, including the empty ones.</summary>
    public IEnumerable<DateOnly> Buckets()
    {
        for (var start = BucketOf(Granularity, From); start <= To; start = Granularity switch
        {
            Granularity.Week => start.AddDays(7),
            Granularity.Month => start.AddMonths(1),
            _ => start.AddDays(1),
        })
        {
            yield return start;
        }
    }

    public static DateOnly BucketOf(Granularity granularity, DateOnly day) => granularity switch
    {
        Granularity.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        Granularity.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    private static int Day(DateOnly d) => d.Year * 10_000 + d.Month * 100 + d.Day;
}
