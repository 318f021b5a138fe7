namespace Gongkai.Domain.Calendar;

/// <summary>The Regulation's dates are dates in China (UTC+8, no daylight saving): the one place that says so.</summary>
public static class ChinaTime
{
    /// <summary>China Standard Time's offset from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Today's date in China by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>A moment as the back office shows it, in China: <c>2026-12-02 09:30</c>.</summary>
    public static string Minute(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
