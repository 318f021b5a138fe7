using Gongkai.Data;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Agencies;

/// <summary>归档 (<paramref name="Archive"/> true) or 恢复 an agency.</summary>
public sealed record ArchiveAgencyRequest(int Id, bool Archive, int? SeenVersion, string Actor);

/// <summary>
/// Archives an agency that no longer exists (merged, abolished) or restores it. An archived agency keeps its records,
/// its reports and its pages, read-only; it is not offered for new applications and gets no new agencies below it.
/// Its subordinate agencies are archived or moved first; an agency under an archived one is restored after it.
/// </summary>
public sealed class ArchiveAgency(GongkaiDbContext db, TimeProvider clock)
{
    public async Task<Result<AgencyNode>> ExecuteAsync(ArchiveAgencyRequest request, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken);
        if (agency is null)
        {
            return new NotFound("没有这个机关（可能已被删除），请刷新页面");
        }

        if ((agency.ArchivedAt is not null) == request.Archive)
        {
            return request.SeenVersion is { } seen && seen != agency.Version ? AgencyRules.Stale(agency) : Result.Ok(AgencyNode.From(agency, 0));
        }

        if (request.Archive)
        {
            var open = await db.Agencies.AsNoTracking().Where(a => a.ParentId == agency.Id && a.ArchivedAt == null).OrderBy(a => a.Id).Select(a => a.Name).Take(5).ToListAsync(cancellationToken);
            if (open.Count > 0)
            {
                return new Refused($"“{agency.Name}”下还有未归档的下级机关（{string.Join("、", open)}），请先将其归档或移到其他机关之下");
            }

            var now = clock.GetUtcNow();
            return await AgencyRules.SaveAsync(db, clock, agency.Id, request.SeenVersion, request.Actor, "归档", a => a.ArchivedAt = now, cancellationToken);
        }

        if (agency.ParentId is { } parentId && await db.Agencies.AsNoTracking().Where(a => a.Id == parentId && a.ArchivedAt != null).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) is { } parent)
        {
            return new Refused($"上级机关“{parent}”已归档：请先恢复上级机关，或把“{agency.Name}”移到其他机关之下");
        }

        return await AgencyRules.SaveAsync(db, clock, agency.Id, request.SeenVersion, request.Actor, "恢复", a => a.ArchivedAt = null, cancellationToken);
    }
}
