using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>An applicant's look-up: the application's number and the query code they were given.</summary>
public sealed record LookUpApplicationRequest(int AgencyId, string? Number, string? Code);

/// <summary>A pending online application as the applicant sees it: its number and the day it was submitted.</summary>
public sealed record PendingApplication(string Number, DateOnly ArrivedOn);

/// <summary>What the applicant sees: the pending application, or the case with its delivery date and notices.</summary>
public sealed record ApplicationStatus(PendingApplication? Pending, CaseRecord? Case, DateOnly? DeliveredOn, IReadOnlyList<(long Id, string Title)> Notices);

/// <summary>A notice downloaded by the applicant.</summary>
public sealed record NoticeFile(string CaseNumber, string Title, byte[] Content);

/// <summary>
/// 申请查询: an applicant looks up an application by its number and query code (only the code's hash is stored,
/// <see cref="QueryCodes.Matches"/>): a pending online application (Art. 31), or the case's status, dates and, once
/// replied, the outcome, the 送达 date and the notices to download. A wrong number and a wrong code get the same answer.
/// </summary>
public sealed class LookUpApplication(GongkaiDbContext db)
{
    public async Task<Result<ApplicationStatus>> ExecuteAsync(LookUpApplicationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Number) || string.IsNullOrWhiteSpace(request.Code))
        {
            return new Refused("请填写申请编号和查询码");
        }

        var number = request.Number.Trim();
        if (await FindCaseAsync(request.AgencyId, number, request.Code, cancellationToken) is { } found)
        {
            // 送达 (the reply reached the applicant): the last recorded delivery.
            var delivered = (await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == found.Id && e.Type == "delivered")
                .Select(e => new { e.Sequence, e.OccurredOn }).ToListAsync(cancellationToken)).OrderBy(e => e.Sequence).LastOrDefault()?.OccurredOn;
            var notices = (await db.CaseNotices.AsNoTracking().Where(n => n.CaseId == found.Id).OrderBy(n => n.Id)
                .Select(n => new { n.Id, n.Title }).ToListAsync(cancellationToken)).Select(n => (n.Id, n.Title)).ToList();
            return Result.Ok(new ApplicationStatus(null, found, delivered, notices));
        }

        var pending = await db.OnlineApplications.AsNoTracking().Where(a => a.AgencyId == request.AgencyId && a.Number == number && a.CaseId == null)
            .Select(a => new { a.Number, a.ArrivedOn, a.QueryCodeHash }).SingleOrDefaultAsync(cancellationToken);
        return pending is not null && QueryCodes.Matches(request.Code, pending.QueryCodeHash)
            ? Result.Ok(new ApplicationStatus(new PendingApplication(pending.Number, pending.ArrivedOn), null, null, []))
            : new NotFound("申请编号或查询码不正确");
    }

    /// <summary>A notice of the applicant's case, when the number and code are right.</summary>
    public async Task<Result<NoticeFile>> NoticeAsync(LookUpApplicationRequest request, long noticeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await FindCaseAsync(request.AgencyId, request.Number?.Trim() ?? string.Empty, request.Code, cancellationToken);
        var notice = found is null ? null : await db.CaseNotices.AsNoTracking().Where(n => n.Id == noticeId && n.CaseId == found.Id)
            .Select(n => new { n.Title, n.Content }).SingleOrDefaultAsync(cancellationToken);
        return notice is null ? new NotFound("未找到该告知书") : Result.Ok(new NoticeFile(found!.Number, notice.Title, notice.Content));
    }

    private async Task<CaseRecord?> FindCaseAsync(int agencyId, string number, string? code, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.AgencyId == agencyId && c.Number == number, cancellationToken);
        return found is not null && QueryCodes.Matches(code, found.QueryCodeHash) ? found : null;
    }
}
