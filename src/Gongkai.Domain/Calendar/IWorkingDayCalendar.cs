namespace Gongkai.Domain.Calendar;

/// <summary>
/// The working-day calendar the statutory clock runs on (docs/legal.md §1.6, §5): weekdays that are not statutory
/// holidays, plus the 调休 make-up working days. Every deadline of the Regulation is counted in these days.
/// </summary>
public interface IWorkingDayCalendar
{
    /// <summary>Whether the date is a working day.</summary>
    bool IsWorkingDay(DateOnly date);

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="start"/>, the start day itself not counted
    /// unless the calendar's <see cref="WorkingDayConvention"/> counts it (docs/legal.md §1.6, convention U).
    /// <paramref name="days"/> ≥ 0; 0 gives <paramref name="start"/>.
    /// </summary>
    DateOnly AddWorkingDays(DateOnly start, int days);
}
