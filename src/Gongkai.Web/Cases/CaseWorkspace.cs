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
    /// <summary>Dates of the Regulation are China's dates (UTC+8, no daylight saving).</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private IWorkingDayCalendar? _calendar;

    public async Task<IWorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken = default) =>
        _calendar ??= await CalendarStore.LoadAsync(db, cancellationToken);

    public async Task<CaseStore> StoreAsync(CancellationToken cancellationToken = default) =>
        new(db, await CalendarAsync(cancellationToken), clock);

    /// <summary>Today's date in China.</summary>
    public DateOnly Today() => Today(clock);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
