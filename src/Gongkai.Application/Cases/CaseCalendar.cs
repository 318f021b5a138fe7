using Gongkai.Data;
using Gongkai.Data.Calendar;
using Gongkai.Data.Cases;
using Gongkai.Data.Rules;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>
/// The working-day calendar in force (<see cref="CalendarStore.LoadAsync"/>), built once and kept for the process (a DI
/// singleton). Building it parses every holiday file; checking that it is still current costs two small queries: the
/// years added (and when) and the counting rule. A year added — on this instance, another instance or with
/// <c>gongkai calendar add-year</c> — or a rule changed makes the next call rebuild it; <see cref="Invalidate"/> forces that.
/// </summary>
public sealed class CaseCalendar
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Stamp, IWorkingDayCalendar Calendar)? _cached;

    /// <summary>The calendar in force, rebuilt only when a year was added or the counting rule changed.</summary>
    public async Task<IWorkingDayCalendar> GetAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = await StampAsync(db, cancellationToken);
        if (_cached is { } hit && hit.Stamp == stamp)
        {
            return hit.Calendar;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && again.Stamp == stamp)
            {
                return again.Calendar;
            }

            var calendar = await CalendarStore.LoadAsync(db, cancellationToken);
            _cached = (stamp, calendar);
            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A case store on the calendar in force.</summary>
    public async Task<CaseStore> StoreAsync(GongkaiDbContext db, TimeProvider clock, CancellationToken cancellationToken = default) =>
        new(db, await GetAsync(db, cancellationToken), clock);

    /// <summary>Forgets the calendar: the next call builds it again (after a year is added here).</summary>
    public void Invalidate() => _cached = null;

    private static async Task<string> StampAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var years = await db.CalendarYears.AsNoTracking().Select(y => new { y.Year, y.AddedAt }).ToListAsync(cancellationToken);
        var rules = await RuleSettingsStore.ValuesAsync(db, cancellationToken);
        return string.Join(";", years.OrderBy(y => y.Year).Select(y => $"{y.Year}@{y.AddedAt.UtcTicks}"))
            + "|" + string.Join(";", rules.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"));
    }
}
