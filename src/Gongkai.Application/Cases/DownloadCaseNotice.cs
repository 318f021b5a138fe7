using Gongkai.Data;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>
/// A notice kept with a case, asked for by someone who sees all cases (<paramref name="SeesAll"/>) or by a 承办科室
/// liaison of <paramref name="DepartmentId"/> (who sees only that department's cases).
/// </summary>
public sealed record DownloadCaseNoticeRequest(long CaseId, long NoticeId, int AgencyId, bool SeesAll, int? DepartmentId);

/// <summary>A notice's file name stem (the case number and the notice's title), its DOCX and its PDF (null for notices made before PDFs).</summary>
public sealed record CaseNoticeFile(string Name, byte[] Docx, byte[]? Pdf);

/// <summary>
/// Downloads a notice of a case. A case of another agency, of another department for a liaison, or a notice of another
/// case is <see cref="NotFound"/> (its existence is not revealed).
/// </summary>
public sealed class DownloadCaseNotice(GongkaiDbContext db)
{
    public async Task<Result<CaseNoticeFile>> ExecuteAsync(DownloadCaseNoticeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = await db.Cases.AsNoTracking().Where(c => c.Id == request.CaseId && c.AgencyId == request.AgencyId)
            .Select(c => new { c.Number, c.DepartmentId }).SingleOrDefaultAsync(cancellationToken);
        if (record is null || !(request.SeesAll || (request.DepartmentId is { } mine && record.DepartmentId == mine)))
        {
            return new NotFound("未找到该案件");
        }

        var notice = await db.CaseNotices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.NoticeId && n.CaseId == request.CaseId, cancellationToken);
        return notice is null
            ? new NotFound("未找到该告知书")
            : Result.Ok(new CaseNoticeFile($"{record.Number}-{notice.Title}", notice.Content, notice.Pdf));
    }
}
