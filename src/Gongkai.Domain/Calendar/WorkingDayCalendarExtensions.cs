namespace Gongkai.Domain.Calendar;

/// <summary>Counting helpers every <see cref="IWorkingDayCalendar"/> gets (docs/legal.md §1.6).</summary>
public static class WorkingDayCalendarExtensions
{
    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/> — the start day not
    /// counted, as in <see cref="IWorkingDayCalendar.AddWorkingDays"/> (convention U, docs/legal.md §1.6). 0 when
    /// <paramref name="to"/> ≤ <paramref name="from"/>. The inverse of AddWorkingDays:
    /// <c>CountWorkingDays(d, AddWorkingDays(d, n)) == n</c>.
    /// </summary>
    public static int CountWorkingDays(this IWorkingDayCalendar calendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (calendar.IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The working days of a calendar year.</summary>
    public static int WorkingDaysInYear(this IWorkingDayCalendar calendar, int year) =>
        calendar.CountWorkingDays(new DateOnly(year, 1, 1).AddDays(-1), new DateOnly(year, 12, 31));
}
