using Gongkai.Data;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>A 补正 the applicant sent online, as the office reads it.</summary>
public sealed record SupplementView(long Id, DateOnly SubmittedOn, DateTimeOffset SubmittedAt, string Text, IReadOnlyList<(long Id, string FileName)> Files);

/// <summary>A file of a 补正, with the department of its case (for the liaison's access check).</summary>
public sealed record SupplementFileView(string CaseNumber, int? DepartmentId, string FileName, string ContentType, byte[] Content);

/// <summary>The 补正 (Art. 30) applicants sent online for a case, and their files, for the office.</summary>
public sealed class ReadSupplements(GongkaiDbContext db)
{
    public async Task<IReadOnlyList<SupplementView>> ListAsync(int agencyId, long caseId, CancellationToken cancellationToken = default)
    {
        var rows = await db.CaseSupplements.AsNoTracking()
            .Where(s => s.CaseId == caseId && db.Cases.Any(c => c.Id == caseId && c.AgencyId == agencyId))
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.SubmittedOn, s.SubmittedAt, s.Text, Files = s.Files.OrderBy(f => f.Id).Select(f => new { f.Id, f.FileName }).ToList() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(s => new SupplementView(s.Id, s.SubmittedOn, s.SubmittedAt, s.Text, [.. s.Files.Select(f => (f.Id, f.FileName))]))];
    }

    public async Task<Result<SupplementFileView>> FileAsync(int agencyId, long caseId, long fileId, CancellationToken cancellationToken = default)
    {
        var found = await (from f in db.CaseSupplementFiles.AsNoTracking()
                           join s in db.CaseSupplements on f.SupplementId equals s.Id
                           join c in db.Cases on s.CaseId equals c.Id
                           where f.Id == fileId && c.Id == caseId && c.AgencyId == agencyId
                           select new SupplementFileView(c.Number, c.DepartmentId, f.FileName, f.ContentType, f.Content)).SingleOrDefaultAsync(cancellationToken);
        return found is null ? new NotFound("未找到该补正材料") : Result.Ok(found);
    }
}
