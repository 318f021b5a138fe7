using Gongkai.Data;
using Gongkai.Data.Calendar;
using Gongkai.Data.Cases;
using Gongkai.Domain.Calendar;

namespace Gongkai.Web.Cases;

/// <summary>
/// The case store of a request on the calendar in force (<see cref="CalendarStore"/>), loaded once per request.
/// </summary>
public sealed class CaseWorkspace(GongkaiDbContext db, TimeProvider clock)
{
    private IWorkingDayCalendar? _calendar;

    public async Task<IWorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken = default) =>
        _calendar ??= await CalendarStore.LoadAsync(db, cancellationToken);

    public async Task<CaseStore> StoreAsync(CancellationToken cancellationToken = default) =>
        new(db, await CalendarAsync(cancellationToken), clock);

    /// <summary>Today's date in China.</summary>
    public DateOnly Today() => Today(clock);

    /// <summary>Today's date in China (<see cref="ChinaTime"/>).</summary>
    public static DateOnly Today(TimeProvider clock) => ChinaTime.Today(clock);
}
