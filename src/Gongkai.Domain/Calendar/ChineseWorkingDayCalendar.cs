namespace Gongkai.Domain.Calendar;

/// <summary>
/// The mainland-China working-day calendar (docs/legal.md §1.6, §5): a day is a working day if it is a weekday and not
/// a statutory day off, or if it is a listed 调休 make-up working day. Built from <see cref="HolidayData"/> layers:
/// a later layer's notice for a year replaces an earlier layer's notice for the same year as a whole, so an
/// administrator can add next year's State Council notice, or correct one, without a release.
/// For a date in a year no notice covers, the calendar falls back to Monday–Friday; callers should check
/// <see cref="Covers"/> / <see cref="IsKnown"/> and warn that such a deadline is provisional.
/// </summary>
public sealed class ChineseWorkingDayCalendar : IWorkingDayCalendar
{
    private static readonly Lazy<ChineseWorkingDayCalendar> Shipped = new(() => Create(HolidayData.Embedded));

    private readonly Dictionary<DateOnly, HolidayDay> _days;
    private readonly SortedDictionary<int, HolidayNotice> _notices;

    private ChineseWorkingDayCalendar(SortedDictionary<int, HolidayNotice> notices)
    {
        _notices = notices;
        _days = [];

        // Notices in year order: where two notices list one date (never seen so far), the later notice wins.
        foreach (var day in notices.Values.SelectMany(n => n.Days))
        {
            _days[day.Date] = day;
        }
    }

    private ChineseWorkingDayCalendar(ChineseWorkingDayCalendar other, WorkingDayConvention convention)
    {
        _notices = other._notices;
        _days = other._days;
        Convention = convention;
    }

    /// <summary>How periods are counted from their start day (docs/legal.md §1.6, U); default: the start day is not counted.</summary>
    public WorkingDayConvention Convention { get; }

    /// <summary>The same days, counted with <paramref name="convention"/>.</summary>
    public ChineseWorkingDayCalendar With(WorkingDayConvention convention) => convention == Convention ? this : new(this, convention);

    /// <summary>The calendar of the data shipped with Gongkai (2019–2026).</summary>
    public static ChineseWorkingDayCalendar Default => Shipped.Value;

    /// <summary>The notice years loaded, ascending.</summary>
    public IReadOnlyList<int> Years => [.. _notices.Keys];

    /// <summary>The loaded notices by year (after layering).</summary>
    public IReadOnlyDictionary<int, HolidayNotice> Notices => _notices;

    /// <summary>
    /// A calendar from data layers, later layers overriding earlier ones year by year. Typically
    /// <c>Create(HolidayData.Embedded, extra)</c> where <c>extra</c> is an administrator's file read with
    /// <see cref="HolidayData.Parse"/>. With no layers the calendar is weekdays-only.
    /// </summary>
    public static ChineseWorkingDayCalendar Create(params HolidayData[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var notices = new SortedDictionary<int, HolidayNotice>();
        foreach (var layer in layers)
        {
            foreach (var (year, notice) in layer.Years)
            {
                notices[year] = notice;
            }
        }

        return new ChineseWorkingDayCalendar(notices);
    }

    /// <summary>Whether a State Council notice for <paramref name="year"/> is loaded (so its holidays are known).</summary>
    public bool Covers(int year) => _notices.ContainsKey(year);

    /// <summary>
    /// Whether the calendar knows for certain whether <paramref name="date"/> is a working day: its year's notice is
    /// loaded, or the date is listed by an adjacent year's notice (e.g. 2018-12-30 in the 2019 notice).
    /// Note: late-December dates of a covered year may still be changed by the next year's notice (2022-12-31).
    /// </summary>
    public bool IsKnown(DateOnly date) => Covers(date.Year) || _days.ContainsKey(date);

    /// <inheritdoc />
    public bool IsWorkingDay(DateOnly date) =>
        _days.TryGetValue(date, out var day)
            ? !day.Off
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The listed day (a statutory day off or a 调休 working day, with its holiday name), or null for an ordinary day.</summary>
    public HolidayDay? Listed(DateOnly date) => _days.GetValueOrDefault(date);

    /// <inheritdoc />
    /// <remarks>With <see cref="WorkingDayConvention.StartDayCounted"/> a working start day is the first of the days.</remarks>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (Convention == WorkingDayConvention.StartDayCounted && days > 0 && IsWorkingDay(start))
        {
            days--;
        }

        var date = start;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                days--;
            }
        }

        return date;
    }
}
