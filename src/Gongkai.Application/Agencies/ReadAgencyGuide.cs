using Gongkai.Data;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Agencies;

/// <summary>The agency's 政府信息公开指南 (Art. 12) as stored, for its form; blank fields when none is saved yet.</summary>
public sealed class ReadAgencyGuide(GongkaiDbContext db)
{
    public async Task<Result<AgencyGuideText>> ExecuteAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var g = await db.AgencyGuides.AsNoTracking().SingleOrDefaultAsync(g => g.AgencyId == agencyId, cancellationToken);
        return Result.Ok(g is null ? new AgencyGuideText() : AgencyGuideText.Of(g));
    }
}
