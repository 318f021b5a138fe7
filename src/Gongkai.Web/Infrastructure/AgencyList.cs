using Gongkai.Data;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Every agency of the installation, read for the request. Every page shows an agency's name, so the list is kept a
/// few seconds per instance under one key (a copy, never one agency's data under another's key: a lookup by code or
/// id picks from the whole list, and a code not in the copy is looked up in the database before it is called unknown).
/// </summary>
public sealed class AgencyList(GongkaiDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan Keep = TimeSpan.FromSeconds(10);
    private static readonly object Key = new();
    private IReadOnlyList<AgencyRecord>? _all;

    /// <summary>Every agency, by id.</summary>
    public async Task<IReadOnlyList<AgencyRecord>> AllAsync(CancellationToken cancellationToken = default) =>
        _all ??= await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Keep;
            return (IReadOnlyList<AgencyRecord>)await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        }) ?? [];

    /// <summary>The root government: the agency without a parent (the lowest id when there are several).</summary>
    public async Task<AgencyRecord> RootAsync(CancellationToken cancellationToken = default)
    {
        var all = await AllAsync(cancellationToken);
        return all.FirstOrDefault(a => a.ParentId is null) ?? all.FirstOrDefault()
            ?? throw new InvalidOperationException("数据库中没有机关：启动时应已创建。");
    }

    /// <summary>The agency with that code (as in <c>/agencies/{code}/</c>), or null.</summary>
    public async Task<AgencyRecord?> FindByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(a => a.Code == code)
        ?? Missed(await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, cancellationToken));

    /// <summary>The agency with that id, or null.</summary>
    public async Task<AgencyRecord?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(a => a.Id == id)
        ?? Missed(await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken));

    /// <summary>Drops this instance's copy after an agency is added, moved, renamed or archived (the tree's pages call it).</summary>
    public static void Evict(IMemoryCache cache) => cache.Remove(Key);

    /// <summary>An agency the copy did not have yet (added since): the copy is read again on the next request.</summary>
    private AgencyRecord? Missed(AgencyRecord? found)
    {
        if (found is not null)
        {
            Evict(cache);
            _all = null;
        }

        return found;
    }

    /// <summary>The agency and everything below it (parent_id), the agency first.</summary>
    public static IReadOnlyList<AgencyRecord> Subtree(IReadOnlyList<AgencyRecord> all, int rootId)
    {
        var children = all.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value);
        var result = new List<AgencyRecord>();
        var seen = new HashSet<int>();
        var queue = new Queue<int>([rootId]);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!seen.Add(id))
            {
                continue;
            }

            if (all.FirstOrDefault(a => a.Id == id) is { } agency)
            {
                result.Add(agency);
            }

            foreach (var child in children[id])
            {
                queue.Enqueue(child.Id);
            }
        }

        return result;
    }
}
