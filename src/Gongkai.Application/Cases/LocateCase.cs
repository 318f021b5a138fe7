using Gongkai.Data;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>Case <paramref name="CaseId"/>, sought among the agencies the person works for (<paramref name="AgencyIds"/>).</summary>
public sealed record LocateCaseRequest(long CaseId, IReadOnlyCollection<int> AgencyIds);

/// <summary>Where a case stands: its number and the agency it belongs to.</summary>
public sealed record LocatedCase(long CaseId, string Number, int AgencyId, string AgencyName);

/// <summary>
/// The agency of a case, when it is one the person works for: a link to a case of another of their agencies (the daily
/// reminder e-mail lists the cases of all of them) then says which agency to switch to. A case of an agency the person
/// does not work for is <see cref="NotFound"/>, as on every page (issue #12: nothing of it is shown).
/// </summary>
public sealed class LocateCase(GongkaiDbContext db)
{
    public async Task<Result<LocatedCase>> ExecuteAsync(LocateCaseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = request.AgencyIds.ToList();
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == request.CaseId && ids.Contains(c.AgencyId))
            .Join(db.Agencies.AsNoTracking(), c => c.AgencyId, a => a.Id, (c, a) => new LocatedCase(c.Id, c.Number, a.Id, a.Name))
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? new NotFound("未找到该申请") : Result.Ok(found);
    }
}
