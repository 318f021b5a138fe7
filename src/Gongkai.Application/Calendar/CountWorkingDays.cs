using Gongkai.Data;
using Gongkai.Data.Calendar;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Calendar;

/// <summary>The <paramref name="Days"/>th working day after <paramref name="Start"/> (the start day itself not counted).</summary>
public sealed record CountWorkingDaysRequest(DateOnly Start, int Days);

/// <summary>The day reached, and the years on the way whose State Council notice is not in the calendar (counted Monday to Friday).</summary>
public sealed record WorkingDaysCounted(DateOnly Due, IReadOnlyList<int> YearsWithoutNotice);

/// <summary>
/// Counts working days (docs/legal.md §5: holidays and 调休 by the State Council's notices) on the installation's
/// calendar in force (<see cref="CalendarStore.LoadAsync"/>: the shipped data, the added notices and the counting rule),
/// as the reply dates of cases are counted.
/// </summary>
public sealed class CountWorkingDays(GongkaiDbContext db)
{
    public async Task<Result<WorkingDaysCounted>> ExecuteAsync(CountWorkingDaysRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return On(await CalendarStore.LoadAsync(db, cancellationToken), request);
    }

    /// <summary>The count on a given calendar (the command line without a database counts on the shipped one).</summary>
    public static Result<WorkingDaysCounted> On(ChineseWorkingDayCalendar workdays, CountWorkingDaysRequest request)
    {
        ArgumentNullException.ThrowIfNull(workdays);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Days < 0)
        {
            return new Refused($"工作日数应为0或正整数，而不是 {request.Days}");
        }

        var due = workdays.AddWorkingDays(request.Start, request.Days);
        var missing = Enumerable.Range(request.Start.Year, due.Year - request.Start.Year + 1).Where(y => !workdays.Covers(y)).ToList();
        return Result.Ok(new WorkingDaysCounted(due, missing));
    }
}
