using Gongkai.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Agencies;

/// <summary>An agency as a member of a subtree: its place (depth below the root) and kind (unknown kinds are 其他).</summary>
public sealed record TreeAgency(int Id, string Code, string Name, AgencyKind Kind, int? ParentId, int Depth);

/// <summary>The tree of agencies (<c>agencies.parent_id</c>): a supervising office covers its agency and every descendant.</summary>
public static class AgencyTree
{
    /// <summary>
    /// The agency <paramref name="rootId"/> and its descendants, the root first, then depth first with siblings by code;
    /// empty when there is no such agency. One query for the whole table (agencies are a few thousand at most): walking
    /// parent_id in memory is portable and never loops on a damaged tree (each agency is visited once).
    /// </summary>
    public static async Task<IReadOnlyList<TreeAgency>> SubtreeAsync(GongkaiDbContext db, int rootId, CancellationToken cancellationToken = default)
    {
        var all = await db.Agencies.AsNoTracking()
            .Select(a => new { a.Id, a.Code, a.Name, a.Kind, a.ParentId })
            .ToListAsync(cancellationToken);
        var root = all.FirstOrDefault(a => a.Id == rootId);
        if (root is null)
        {
            return [];
        }

        var children = all.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value);
        var result = new List<TreeAgency>();
        var seen = new HashSet<int>();
        var stack = new Stack<(int Id, int Depth)>();
        stack.Push((root.Id, 0));
        var byId = all.ToDictionary(a => a.Id);
        while (stack.Count > 0)
        {
            var (id, depth) = stack.Pop();
            if (!seen.Add(id))
            {
                continue;
            }

            var a = byId[id];
            result.Add(new TreeAgency(a.Id, a.Code, a.Name, AgencyKinds.Of(a.Kind), a.ParentId, depth));
            foreach (var child in children[id].OrderByDescending(c => c.Code, StringComparer.Ordinal))
            {
                stack.Push((child.Id, depth + 1));
            }
        }

        return result;
    }
}
