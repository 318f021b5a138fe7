using Gongkai.Data;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The agency this installation serves. One installation serves one agency for now (the first one; start-up seeds
/// it); the lookup is cached for the request.
/// </summary>
public sealed class CurrentAgency(GongkaiDbContext db)
{
    private AgencyRecord? _agency;

    public async Task<AgencyRecord> GetAsync(CancellationToken cancellationToken = default) =>
        _agency ??= await db.Agencies.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("数据库中没有机关：启动时应已创建。");
}
