using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>
/// Who asks to see a case: <paramref name="SeesAll"/> for 公开办, administrators, leaders and supervisors; otherwise a
/// 承办科室 liaison sees only the cases of <paramref name="DepartmentId"/> and those assigned to them as 承办人
/// (<paramref name="UserId"/>).
/// </summary>
public sealed record ShowCaseRequest(int AgencyId, long CaseId, bool SeesAll, int? DepartmentId, string? UserId = null);

/// <summary>
/// A case as its page shows it: the stored record, the case on the calendar in force, its history, the agency's
/// departments, extension requests and notices, today's date in China, the steps allowed now (expected one first)
/// and what the clock is doing, the 按件 fee the rules suggest, the reply drafts per outcome
/// (while a reply is allowed), the reply as sent, and the agency's N of 临近期限 (<see cref="WorklistFilter.DueSoonDaysAsync"/>).
/// </summary>
public sealed record CaseView(
    CaseRecord Record,
    ApplicationCase Case,
    IReadOnlyList<CaseEventRecord> History,
    IReadOnlyList<DepartmentRecord> Departments,
    IReadOnlyList<ExtensionRequestRecord> Extensions,
    IReadOnlyList<CaseNoticeRecord> Notices,
    DateOnly Today,
    IReadOnlyList<AllowedStep> Allowed,
    ClockReading Clock,
    int EarlierInMonth,
    decimal SuggestedFee,
    IReadOnlyDictionary<CaseOutcome, string> ReplyDrafts,
    ReplyShown? Reply,
    int DueSoonDays = Gongkai.Data.Records.ReminderSettingsRecord.DefaultDaysAhead);

/// <summary>
/// Opens a case for its page (read only). A case of another agency, or of another department for a liaison, is
/// <see cref="NotFound"/> (its existence is not revealed).
/// </summary>
public sealed class ShowCase(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<Result<CaseView>> ExecuteAsync(ShowCaseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CaseId && c.AgencyId == request.AgencyId, cancellationToken);
        if (record is null || !(request.SeesAll || (request.DepartmentId is { } mine && record.DepartmentId == mine)
            || (request.UserId is { } me && record.HandlerId == me)))
        {
            return new NotFound("未找到该案件");
        }

        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        var applicationCase = await store.LoadAsync(request.AgencyId, request.CaseId, cancellationToken);
        if (applicationCase is null)
        {
            return new NotFound("未找到该案件");
        }

        var history = await store.HistoryAsync(request.CaseId, cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => d.AgencyId == request.AgencyId).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var extensions = await db.ExtensionRequests.AsNoTracking().Where(e => e.CaseId == request.CaseId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var notices = await db.CaseNotices.AsNoTracking().Where(n => n.CaseId == request.CaseId).OrderBy(n => n.Id)
            .Select(n => new CaseNoticeRecord { Id = n.Id, CaseId = n.CaseId, Kind = n.Kind, Title = n.Title, Content = Array.Empty<byte>(), CreatedBy = n.CreatedBy, CreatedAt = n.CreatedAt })
            .ToListAsync(cancellationToken);
        var today = ChinaTime.Today(clock);

        // 按件 (国办函〔2020〕109号 Art. 4): the applications of the same applicant received earlier in the case's month.
        var month = new DateOnly(record.ReceivedOn.Year, record.ReceivedOn.Month, 1);
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var earlier = await db.Cases.CountAsync(c => c.AgencyId == request.AgencyId && c.ApplicantName == record.ApplicantName
            && c.ReceivedOn >= month && c.Id < record.Id && c.ReceivedOn <= monthEnd, cancellationToken);

        var allowed = applicationCase.Allowed(today);
        var drafts = allowed.Any(a => a.Step == CaseStep.Reply)
            ? await ReplyDrafts.ForAsync(db, calendar, clock, request.AgencyId, request.CaseId, cancellationToken)
            : new Dictionary<CaseOutcome, string>();
        var reply = await new LookUpReply(db).ForCaseAsync(request.AgencyId, request.CaseId, cancellationToken);
        return Result.Ok(new CaseView(
            record, applicationCase, history, departments, extensions, notices, today,
            allowed, applicationCase.Clock(today), earlier, new FeeCalculator().PerApplication(earlier), drafts, reply,
            await WorklistFilter.DueSoonDaysAsync(db, request.AgencyId, cancellationToken)));
    }
}
