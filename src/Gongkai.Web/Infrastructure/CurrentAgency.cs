using Gongkai.Data;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The agency this installation serves. One installation serves one agency for now (the first one; start-up seeds
/// it). Every page shows its name, so the lookup is kept for a few seconds per instance (a copy, not state: the
/// database stays the truth) and for the request.
/// </summary>
public sealed class CurrentAgency(GongkaiDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan Keep = TimeSpan.FromSeconds(10);
    private AgencyRecord? _agency;

    public async Task<AgencyRecord> GetAsync(CancellationToken cancellationToken = default) =>
        _agency ??= await cache.GetOrCreateAsync(typeof(CurrentAgency), entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = Keep;
                return db.Agencies.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
            })
            ?? throw new InvalidOperationException("数据库中没有机关：启动时应已创建。");
}
