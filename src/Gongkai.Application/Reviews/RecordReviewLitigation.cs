using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;
using Gongkai.Domain.ReviewLitigation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Reviews;

/// <summary>
/// A 行政复议 or 行政诉讼 of the agency: filed on <paramref name="FiledOn"/>, concluded with <paramref name="Outcome"/> on
/// <paramref name="ConcludedOn"/> (both null while pending), about the case numbered <paramref name="CaseNumber"/> if any,
/// with the court's or review body's <paramref name="Reference"/> (案号).
/// </summary>
public sealed record RecordReviewLitigationRequest(int AgencyId, ReviewLitigationGroup Kind, DateOnly FiledOn, ReviewOutcome? Outcome, DateOnly? ConcludedOn,
    string? CaseNumber, string? Reference);

/// <summary>
/// Records an administrative review or lawsuit about information disclosure (Art. 51), counted in section 四 of the
/// annual report (docs/legal.md §2.5). An outcome without a date (or the reverse), or a conclusion before the filing, is
/// <see cref="Refused"/> (<see cref="ReviewLitigationCase.Problem"/>); a case number the agency does not have is
/// <see cref="NotFound"/>. The value is the record's id.
/// </summary>
public sealed class RecordReviewLitigation(GongkaiDbContext db)
{
    public async Task<Result<long>> ExecuteAsync(RecordReviewLitigationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (new ReviewLitigationCase(request.Kind, request.FiledOn, request.Outcome, request.ConcludedOn).Problem() is { } problem)
        {
            return new Refused(problem);
        }

        long? caseId = null;
        if (request.CaseNumber?.Trim() is { Length: > 0 } number)
        {
            caseId = await db.Cases.Where(c => c.AgencyId == request.AgencyId && c.Number == number).Select(c => (long?)c.Id).SingleOrDefaultAsync(cancellationToken);
            if (caseId is null)
            {
                var agency = await db.Agencies.Where(a => a.Id == request.AgencyId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
                return new NotFound($"{agency}没有申请编号为 {number} 的案件");
            }
        }

        var record = new ReviewLitigationRecord
        {
            AgencyId = request.AgencyId,
            CaseId = caseId,
            Kind = request.Kind.Key(),
            FiledOn = request.FiledOn,
            Outcome = (request.Outcome ?? ReviewOutcome.Pending).Key(),
            ConcludedOn = request.ConcludedOn,
            Reference = request.Reference,
        };
        db.ReviewLitigation.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok(record.Id);
    }
}
