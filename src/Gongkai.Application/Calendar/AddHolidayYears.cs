using Gongkai.Application.Cases;
using Gongkai.Data;
using Gongkai.Data.Calendar;
using Gongkai.Data.Cases;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Calendar;

/// <summary>A holiday file (the format of the shipped <c>holidays-cn.json</c>) added by <paramref name="Actor"/>.</summary>
public sealed record AddHolidayYearsRequest(string Json, string Actor);

/// <summary>The years stored, and how many open cases' reply dates moved with them.</summary>
public sealed record HolidayYearsAdded(IReadOnlyList<int> Years, int Moved);

/// <summary>
/// Adds (or replaces) the years of a State Council holiday notice (docs/legal.md §5: each year's notice arrives in
/// November or December, before a release can ship it) and recomputes every open case's reply date on the new calendar,
/// in one transaction; the calendar kept for the process (<see cref="CaseCalendar"/>) is then built again. A file that
/// does not parse is <see cref="Refused"/> with one problem per line, each naming its line and JSON path
/// (<c>第12行 years.2027.days[3].date：不是日期</c>), and nothing is stored.
/// </summary>
public sealed class AddHolidayYears(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<Result<HolidayYearsAdded>> ExecuteAsync(AddHolidayYearsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (years, errors) = await CalendarStore.AddAsync(db, request.Json, request.Actor, clock, cancellationToken);
        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new Refused(string.Join("\n", errors.Select(e => e.ToString())), "holidays");
        }

        var moved = await new CaseStore(db, await CalendarStore.LoadAsync(db, cancellationToken), clock).RecomputeOpenCasesAsync(cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        calendar.Invalidate();
        return Result.Ok(new HolidayYearsAdded(years, moved));
    }
}
