using Gongkai.Data;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>A document sent with the reply, as listed: its id, name, size and whether it is a redacted copy (Art. 37).</summary>
public sealed record ReplyDocumentInfo(long Id, string FileName, long Size, bool Redacted);

/// <summary>The reply as sent: its text and the documents with it.</summary>
public sealed record ReplyShown(string Text, IReadOnlyList<ReplyDocumentInfo> Documents);

/// <summary>A reply document to download.</summary>
public sealed record ReplyFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// 答复 as a document (Art. 36): its text and the documents sent with it, for the office (a case of its agency) and for
/// the applicant (with the application's number and query code, as <see cref="LookUpApplication"/>: a wrong number and
/// a wrong code get the same answer).
/// </summary>
public sealed class LookUpReply(GongkaiDbContext db)
{
    /// <summary>The reply of a case of the agency; null when the case has no reply text stored (replied before, or not yet).</summary>
    public async Task<ReplyShown?> ForCaseAsync(int agencyId, long caseId, CancellationToken cancellationToken = default)
    {
        var reply = await db.CaseReplies.AsNoTracking()
            .Where(r => r.CaseId == caseId && db.Cases.Any(c => c.Id == caseId && c.AgencyId == agencyId))
            .Select(r => r.Text).SingleOrDefaultAsync(cancellationToken);
        var documents = await db.CaseReplyDocuments.AsNoTracking().Where(d => d.CaseId == caseId && db.Cases.Any(c => c.Id == caseId && c.AgencyId == agencyId))
            .OrderBy(d => d.Id).Select(d => new ReplyDocumentInfo(d.Id, d.FileName, d.Size, d.Redacted)).ToListAsync(cancellationToken);
        return reply is null && documents.Count == 0 ? null : new ReplyShown(reply ?? string.Empty, documents);
    }

    /// <summary>The applicant's view of the reply, with the number and query code.</summary>
    public async Task<Result<ReplyShown?>> ForApplicantAsync(LookUpApplicationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ApplicantCases.FindAsync(db, request.AgencyId, request.Number, request.Code, cancellationToken) is { Id: var caseId }
            ? Result.Ok(await ForCaseAsync(request.AgencyId, caseId, cancellationToken))
            : new NotFound("申请编号或查询码不正确");
    }

    /// <summary>A document of a case of the agency (the office's download).</summary>
    public async Task<Result<ReplyFile>> DocumentAsync(int agencyId, long caseId, long documentId, CancellationToken cancellationToken = default)
    {
        var file = await db.CaseReplyDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.CaseId == caseId && db.Cases.Any(c => c.Id == caseId && c.AgencyId == agencyId))
            .Select(d => new ReplyFile(d.FileName, d.ContentType, d.Content)).SingleOrDefaultAsync(cancellationToken);
        return file is null ? new NotFound("未找到该文件") : Result.Ok(file);
    }

    /// <summary>A document of the applicant's reply, with the number and query code.</summary>
    public async Task<Result<ReplyFile>> ApplicantDocumentAsync(LookUpApplicationRequest request, long documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ApplicantCases.FindAsync(db, request.AgencyId, request.Number, request.Code, cancellationToken) is { Id: var caseId }
            ? await DocumentAsync(request.AgencyId, caseId, documentId, cancellationToken)
            : new NotFound("未找到该文件");
    }
}
