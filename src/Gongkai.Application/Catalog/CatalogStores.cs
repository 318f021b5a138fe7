using Gongkai.Data;
using Gongkai.Data.Calendar;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Calendar;

namespace Gongkai.Application.Catalog;

/// <summary>
/// The catalogue store of a unit of work (a request, a command), on the calendar in force (Art. 26 due dates count
/// working days), loaded once.
/// </summary>
public sealed class CatalogStores(GongkaiDbContext db, TimeProvider clock)
{
    private CatalogStore? _store;
    private ChineseWorkingDayCalendar? _calendar;

    public async Task<CatalogStore> OpenAsync(CancellationToken cancellationToken = default) =>
        _store ??= new CatalogStore(db, await CalendarAsync(cancellationToken), clock);

    /// <summary>The calendar in force (Art. 26 due dates count working days), the one the store uses.</summary>
    public async Task<ChineseWorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken = default) =>
        _calendar ??= await CalendarStore.LoadAsync(db, cancellationToken);
}
