using Gongkai.Application.Cases;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Domain.Calendar;

namespace Gongkai.Web.Cases;

/// <summary>
/// The case store of a request on the calendar in force, taken from the process's cache (<see cref="CaseCalendar"/>).
/// </summary>
public sealed class CaseWorkspace(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public Task<IWorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken = default) => calendar.GetAsync(db, cancellationToken);

    public Task<CaseStore> StoreAsync(CancellationToken cancellationToken = default) => calendar.StoreAsync(db, clock, cancellationToken);

    /// <summary>Today's date in China.</summary>
    public DateOnly Today() => Today(clock);

    /// <summary>Today's date in China (<see cref="ChinaTime"/>).</summary>
    public static DateOnly Today(TimeProvider clock) => ChinaTime.Today(clock);
}
