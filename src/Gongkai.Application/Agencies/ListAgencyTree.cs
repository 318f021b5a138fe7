using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Agencies;

/// <summary>
/// The government's tree: every agency once, depth first, each after its parent; siblings by their order, then by kind
/// (人民政府, 政府部门, 乡镇街道, 其他), then in the order they were created.
/// </summary>
public sealed class ListAgencyTree(GongkaiDbContext db)
{
    public async Task<IReadOnlyList<AgencyNode>> ExecuteAsync(CancellationToken cancellationToken = default) =>
        Order(await db.Agencies.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>
    /// The agencies under which <paramref name="id"/> may be moved: every one that is neither the agency itself nor below
    /// it, nor archived.
    /// </summary>
    public async Task<IReadOnlyList<AgencyNode>> ValidParentsAsync(int id, CancellationToken cancellationToken = default)
    {
        var all = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        var excluded = AgencyRules.Subtree(all, id);
        return [.. Order(all).Where(a => !excluded.Contains(a.Id) && !a.Archived)];
    }

    internal static IReadOnlyList<AgencyNode> Order(IReadOnlyList<AgencyRecord> all)
    {
        var ids = all.Select(a => a.Id).ToHashSet();
        var children = all.ToLookup(a => a.ParentId is { } p && ids.Contains(p) ? p : (int?)null);
        var result = new List<AgencyNode>(all.Count);
        var seen = new HashSet<int>();
        void Walk(int? parent, int depth)
        {
            foreach (var a in Sorted(children[parent]))
            {
                if (seen.Add(a.Id))
                {
                    result.Add(AgencyNode.From(a, depth));
                    Walk(a.Id, depth + 1);
                }
            }
        }

        Walk(null, 0);

        // A cycle cannot be made through the use cases; should one exist, its agencies are still listed.
        result.AddRange(Sorted(all.Where(a => !seen.Contains(a.Id))).Select(a => AgencyNode.From(a, 0)));
        return result;
    }

    private static IEnumerable<AgencyRecord> Sorted(IEnumerable<AgencyRecord> agencies) =>
        agencies.OrderBy(a => a.SortOrder).ThenBy(a => AgencyKinds.Parse(a.Kind) is { } k ? (int)k : 99).ThenBy(a => a.Id);
}
