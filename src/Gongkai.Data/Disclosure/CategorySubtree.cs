using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Disclosure;

/// <summary>
/// What a category filter of the public catalogue covers: the category and every sub-category below it (schema 0021,
/// up to six levels) — as browsing a category lists its sub-categories' items, so a word search within it finds them too.
/// </summary>
public static class CategorySubtree
{
    /// <summary>A guard against a loop in bad data: the tree has six levels at most.</summary>
    private const int MaxLevels = 8;

    /// <summary>
    /// The ids of the categories with code <paramref name="code"/> (of one agency, or of every agency that has it) and of
    /// all their sub-categories; empty when no agency has that code.
    /// </summary>
    public static async Task<List<int>> IdsAsync(GongkaiDbContext db, int? agencyId, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var level = await db.CatalogCategories.AsNoTracking().Where(c => c.Code == code && (agencyId == null || c.AgencyId == agencyId))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var all = new HashSet<int>(level);
        for (var depth = 0; level.Count > 0 && depth < MaxLevels; depth++)
        {
            var parents = level;
            level = [.. (await db.CatalogCategories.AsNoTracking().Where(c => c.ParentId != null && parents.Contains(c.ParentId.Value))
                .Select(c => c.Id).ToListAsync(cancellationToken)).Where(all.Add)];
        }

        return [.. all.Order()];
    }

    /// <summary>The same, as (agency, code) pairs: what the site search's index keeps of an item's category.</summary>
    public static async Task<HashSet<(int AgencyId, string Code)>> CodesAsync(GongkaiDbContext db, int? agencyId, string code, CancellationToken cancellationToken = default)
    {
        var ids = await IdsAsync(db, agencyId, code, cancellationToken);
        var rows = await db.CatalogCategories.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.AgencyId, c.Code }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.AgencyId, r.Code))];
    }
}
