using Gongkai.Data.Records;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Calendar;

/// <summary>
/// The working-day calendar in force: the holiday data shipped with Gongkai, overlaid with the State Council
/// notices an administrator has added since (docs/legal.md §5: each year's notice arrives in November or December,
/// before a release can ship it).
/// </summary>
public static class CalendarStore
{
    /// <summary>
    /// The shipped data plus every added notice, later additions overriding earlier ones per year, counting periods
    /// by the installation's <see cref="WorkingDayConvention"/> (docs/legal.md §1.6, U; <see cref="Rules.RuleSettingsStore"/>).
    /// </summary>
    public static async Task<ChineseWorkingDayCalendar> LoadAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        // Ordered here, not in SQL: SQLite cannot order by a DateTimeOffset column, and there are only a few rows.
        var rows = await db.CalendarYears.AsNoTracking().Select(y => new { y.AddedAt, y.Year, y.Json }).ToListAsync(cancellationToken);
        var added = rows.OrderBy(y => y.AddedAt).ThenBy(y => y.Year).Select(y => y.Json).ToList();
        var layers = new List<HolidayData> { HolidayData.Embedded };
        foreach (var json in added.Distinct(StringComparer.Ordinal))
        {
            // Stored data was validated when added; a row that no longer parses is a bug worth failing on.
            var parsed = HolidayData.Parse(json);
            layers.Add(parsed.Data ?? throw new InvalidDataException("Stored calendar data does not parse: " + string.Join("; ", parsed.Errors)));
        }

        var rules = await Rules.RuleSettingsStore.LoadAsync(db, cancellationToken);
        return ChineseWorkingDayCalendar.Create([.. layers]).With(rules.Convention);
    }

    /// <summary>
    /// Adds (or replaces) the years of a holiday file; returns the years stored, or the file's errors (nothing stored).
    /// </summary>
    public static async Task<(IReadOnlyList<int> Years, IReadOnlyList<Gongkai.Domain.Json.JsonProblem> Errors)> AddAsync(
        GongkaiDbContext db, string json, string addedBy, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var parsed = HolidayData.Parse(json);
        if (!parsed.Succeeded)
        {
            return ([], parsed.Errors);
        }

        var years = parsed.Data!.Years.Keys.Order().ToList();
        var now = clock.GetUtcNow();
        foreach (var year in years)
        {
            var record = await db.CalendarYears.FindAsync([year], cancellationToken);
            if (record is null)
            {
                db.CalendarYears.Add(new CalendarYearRecord { Year = year, Json = json, AddedBy = addedBy, AddedAt = now });
            }
            else
            {
                record.Json = json;
                record.AddedBy = addedBy;
                record.AddedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (years, []);
    }
}
