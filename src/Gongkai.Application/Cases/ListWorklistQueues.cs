using Gongkai.Data;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>
/// What the work list shows beside its cases: the agency's departments (the 承办科室 filter), the online applications
/// awaiting confirmation of receipt (Art. 31; one page of them, never the identity proofs, which are up to 5 MB each and
/// read one at a time when someone opens one), and the extension requests awaiting a leader's decision (Art. 33).
/// </summary>
public sealed class ListWorklistQueues(GongkaiDbContext db)
{
    /// <summary>The agency's departments, in the order they were added.</summary>
    public async Task<IReadOnlyList<DepartmentRecord>> DepartmentsAsync(int agencyId, CancellationToken cancellationToken = default) =>
        await db.Departments.AsNoTracking().Where(d => d.AgencyId == agencyId).OrderBy(d => d.Id).ToListAsync(cancellationToken);

    /// <summary>The queues of <paramref name="agencyId"/>: page <paramref name="onlinePage"/> (kept within range) of the online applications.</summary>
    public async Task<WorklistQueues> ExecuteAsync(int agencyId, int onlinePage, int pageSize, CancellationToken cancellationToken = default)
    {
        var pending = db.OnlineApplications.Where(a => a.AgencyId == agencyId && a.CaseId == null);
        var total = await pending.CountAsync(cancellationToken);
        var page = Math.Clamp(onlinePage, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await pending.OrderBy(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).WithoutProof().ToListAsync(cancellationToken);
        var extensions = await (from r in db.ExtensionRequests.AsNoTracking()
                                join c in db.Cases.AsNoTracking() on r.CaseId equals c.Id
                                where r.Status == ExtensionRequestStatus.Pending && c.AgencyId == agencyId
                                orderby r.Id
                                select new { r, c }).ToListAsync(cancellationToken);
        return new WorklistQueues(total, page, rows, [.. extensions.Select(x => (x.r, x.c))]);
    }
}

/// <summary>The work list's queues: online applications awaiting confirmation (one page of <see cref="PendingTotal"/>) and pending extension requests.</summary>
public sealed record WorklistQueues(
    int PendingTotal, int OnlinePage, IReadOnlyList<OnlineApplicationRecord> Pending, IReadOnlyList<(ExtensionRequestRecord Request, CaseRecord Case)> PendingExtensions);
