using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>
/// The filters of the 依申请公开 work list (<c>/staff/cases?status=</c>), shared by the list, its export and the counts on
/// the staff home so that a count and the list it links to always agree. 临近期限 = due within the agency's
/// 提前提醒的工作日数 (<see cref="DueSoonDaysAsync"/>, set at 机关设置) on the calendar in force — the number the 我的提醒
/// panel and the daily digest use, so one page never shows two; 已逾期 = open and past the Art. 33 reply date.
/// </summary>
public static class WorklistFilter
{
    /// <summary>
    /// The working days within which an agency's open cases count as 临近期限: its 提前提醒的工作日数 (schema 0018), or
    /// <see cref="ReminderSettingsRecord.DefaultDaysAhead"/> when it has not set one.
    /// </summary>
    public static async Task<int> DueSoonDaysAsync(GongkaiDbContext db, int agencyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var days = await db.ReminderSettings.AsNoTracking().Where(s => s.AgencyId == agencyId).Select(s => (int?)s.DaysAhead).SingleOrDefaultAsync(cancellationToken);
        return days ?? ReminderSettingsRecord.DefaultDaysAhead;
    }

    /// <summary>The cases a status filter selects: open, all, overdue, soon, or one <see cref="CaseStatus"/> name.</summary>
    public static IQueryable<CaseRecord> ByStatus(IQueryable<CaseRecord> cases, string? status, DateOnly today, DateOnly soon) => status switch
    {
        null or "" or "open" => cases.Where(c => c.ClosedOn == null),
        "all" => cases,
        "overdue" => cases.Where(c => c.ClosedOn == null && c.ReplyDue < today),
        "soon" => cases.Where(c => c.ClosedOn == null && c.ReplyDue >= today && c.ReplyDue <= soon),
        _ => cases.Where(c => c.Status == status),
    };

    /// <summary>
    /// The Art. 33 clock of a listed case, read as the case page reads it (<see cref="ClockReading.Running"/>): only an
    /// open case whose clock runs has working days left or overdue; paused, 待补正 and closed cases have none (null).
    /// </summary>
    public static ClockReading? Clock(CaseRecord c, DateOnly today, IWorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.ClosedOn is null && c.Status == nameof(CaseStatus.Open) && c.ReplyDue is { } due ? ClockReading.Running(due, today, calendar) : null;
    }
}

/// <summary>The counts of the 依申请公开 card on the staff home, for one agency.</summary>
/// <param name="Open">在办: not closed.</param>
/// <param name="DueSoon">N个工作日内到期 (the list's “soon” filter).</param>
/// <param name="Overdue">已超期 (the list's “overdue” filter).</param>
/// <param name="AwaitingSupplement">待补正 (Art. 30).</param>
/// <param name="PendingOnline">网上申请待确认 (Art. 31: received when both sides confirm).</param>
/// <param name="DueSoonDays">N: the agency's 提前提醒的工作日数 (<see cref="WorklistFilter.DueSoonDaysAsync"/>).</param>
public sealed record WorklistCounts(int Open, int DueSoon, int Overdue, int AwaitingSupplement, int PendingOnline, int DueSoonDays);

/// <summary>Counts the agency's cases per work-list filter with aggregate queries (no case is loaded).</summary>
public sealed class CountWorklist(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<WorklistCounts> ExecuteAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        var days = await WorklistFilter.DueSoonDaysAsync(db, agencyId, cancellationToken);
        var soon = (await calendar.GetAsync(db, cancellationToken)).AddWorkingDays(today, days);
        var cases = db.Cases.AsNoTracking().Where(c => c.AgencyId == agencyId);
        return new WorklistCounts(
            await WorklistFilter.ByStatus(cases, "open", today, soon).CountAsync(cancellationToken),
            await WorklistFilter.ByStatus(cases, "soon", today, soon).CountAsync(cancellationToken),
            await WorklistFilter.ByStatus(cases, "overdue", today, soon).CountAsync(cancellationToken),
            await WorklistFilter.ByStatus(cases, nameof(CaseStatus.AwaitingSupplement), today, soon).CountAsync(cancellationToken),
            await db.OnlineApplications.AsNoTracking().CountAsync(a => a.AgencyId == agencyId && a.CaseId == null, cancellationToken),
            days);
    }
}

/// <summary>
/// What the work list shows: filters as on <c>/staff/cases</c>; <paramref name="OwnDepartment"/> set for a 承办科室
/// liaison (only that department's cases; -1 when they have none); <paramref name="Sort"/> "remaining-desc" for the
/// most working days left first (default: nearest reply date first); <paramref name="Page"/> null for every row (export);
/// <paramref name="Handler"/> a 承办人's account id, or "none" for the cases without one; <paramref name="Me"/> the
/// person asking, whose own cases a liaison sees besides their department's.
/// </summary>
public sealed record ListWorkCasesRequest(
    int AgencyId,
    int? OwnDepartment,
    string? Status,
    int? Department,
    string? Channel,
    int? Year,
    string? Q,
    string? Sort,
    int? Page,
    int PageSize = 50,
    string? Handler = null,
    string? Me = null);

/// <summary>A row of the work list.</summary>
/// <param name="Case">The case.</param>
/// <param name="Department">Its 承办科室's name, if assigned.</param>
/// <param name="Overdue">Open and past its Art. 33 reply date.</param>
/// <param name="DueSoon">Open and due within the agency's N working days (<see cref="WorklistFilter.DueSoonDaysAsync"/>).</param>
/// <param name="HasOpinion">An open case whose department has given its 承办意见: ready for the office's reply.</param>
/// <param name="Clock">The running clock (剩余N个工作日 / 今日到期 / 已超期N个工作日), null when it does not run.</param>
/// <param name="Handler">Its 承办人's display name, if assigned.</param>
public sealed record WorkCaseRow(CaseRecord Case, string? Department, bool Overdue, bool DueSoon, bool HasOpinion, ClockReading? Clock, string? Handler = null);

/// <summary>
/// One page (or all) of the work list, the total the filters select, the page shown, today's date in China and the
/// agency's N of 临近期限 (<see cref="WorklistFilter.DueSoonDaysAsync"/>).
/// </summary>
public sealed record WorkCaseList(IReadOnlyList<WorkCaseRow> Rows, int Total, int Page, DateOnly Today, int DueSoonDays);

/// <summary>The 依申请公开 work list and its export: the agency's cases by the filters, with each one's clock.</summary>
public sealed class ListWorkCases(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<WorkCaseList> ExecuteAsync(ListWorkCasesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = ChinaTime.Today(clock);
        var workingDays = await calendar.GetAsync(db, cancellationToken);
        var days = await WorklistFilter.DueSoonDaysAsync(db, request.AgencyId, cancellationToken);
        var soon = workingDays.AddWorkingDays(today, days);
        var cases = db.Cases.AsNoTracking().Where(c => c.AgencyId == request.AgencyId);
        if (request.OwnDepartment is { } own)
        {
            var me = request.Me;
            cases = cases.Where(c => c.DepartmentId == own || (me != null && c.HandlerId == me));
        }

        if (request.Handler == "none")
        {
            cases = cases.Where(c => c.HandlerId == null);
        }
        else if (!string.IsNullOrEmpty(request.Handler))
        {
            var handler = request.Handler;
            cases = cases.Where(c => c.HandlerId == handler);
        }

        cases = WorklistFilter.ByStatus(cases, request.Status, today, soon);
        if (request.Department is { } department)
        {
            cases = cases.Where(c => c.DepartmentId == department);
        }

        if (!string.IsNullOrEmpty(request.Channel))
        {
            cases = cases.Where(c => c.Channel == request.Channel);
        }

        if (request.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            cases = cases.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to);
        }

        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var q = request.Q.Trim();
            cases = cases.Where(c => c.Number.Contains(q) || c.ApplicantName.Contains(q) || (c.Request != null && c.Request.Contains(q)));
        }

        var total = await cases.CountAsync(cancellationToken);
        // Open cases by due date (paused ones, without a due date, last) — the order of the working days left, as the
        // calendar only moves forward; closed ones most recent first.
        var ordered = request.Sort == "remaining-desc"
            ? cases.OrderBy(c => c.ClosedOn != null).ThenBy(c => c.ReplyDue == null).ThenByDescending(c => c.ReplyDue).ThenByDescending(c => c.ClosedOn).ThenBy(c => c.Number)
            : cases.OrderBy(c => c.ClosedOn != null).ThenBy(c => c.ReplyDue == null).ThenBy(c => c.ReplyDue).ThenByDescending(c => c.ClosedOn).ThenBy(c => c.Number);
        var page = 1;
        IQueryable<CaseRecord> shown = ordered;
        if (request.Page is { } wanted)
        {
            var pages = Math.Max(1, (total + request.PageSize - 1) / request.PageSize);
            page = Math.Clamp(wanted, 1, pages);
            shown = ordered.Skip((page - 1) * request.PageSize).Take(request.PageSize);
        }

        var list = await shown.ToListAsync(cancellationToken);
        var names = await db.Departments.AsNoTracking().Where(d => d.AgencyId == request.AgencyId).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var handlers = await CaseHandlers.NamesAsync(db, list.Where(c => c.HandlerId != null).Select(c => c.HandlerId!), cancellationToken);
        var openIds = list.Where(c => c.ClosedOn is null).Select(c => c.Id).ToList();
        var withOpinion = (await db.CaseEvents.AsNoTracking().Where(e => e.Type == "departmentOpinion" && openIds.Contains(e.CaseId))
            .Select(e => e.CaseId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var rows = list.Select(c => new WorkCaseRow(
            c,
            c.DepartmentId is { } d && names.TryGetValue(d, out var name) ? name : null,
            c.ClosedOn is null && c.ReplyDue < today,
            c.ClosedOn is null && c.ReplyDue >= today && c.ReplyDue <= soon,
            withOpinion.Contains(c.Id),
            WorklistFilter.Clock(c, today, workingDays),
            c.HandlerId is { } h ? handlers.GetValueOrDefault(h, h) : null)).ToList();
        return new WorkCaseList(rows, total, page, today, days);
    }
}
