using Gongkai.Data.Records;

namespace Gongkai.Application.Catalog;

/// <summary>
/// A category of 法定主动公开内容 in its place in the agency's tree: the Art. 20 categories and the agency's own at the
/// top, each with its sub-categories to any depth (财政信息 → 预算 → 部门预算).
/// </summary>
public sealed class CategoryNode(CatalogCategoryRecord record, CategoryNode? parent)
{
    public int Id => record.Id;

    public string Code => record.Code;

    public string Name => record.Name;

    /// <summary>1–15 for a category that reports an Art. 20 item.</summary>
    public int? Article20Item => record.Article20Item;

    public CategoryNode? Parent { get; } = parent;

    /// <summary>0 at the top.</summary>
    public int Depth { get; } = parent is null ? 0 : parent.Depth + 1;

    public List<CategoryNode> Children { get; } = [];

    /// <summary>The stored row (its version of the name, order and parent).</summary>
    public CatalogCategoryRecord Record => record;

    /// <summary>This category and every one below it.</summary>
    public IEnumerable<CategoryNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.SelfAndDescendants())
            {
                yield return node;
            }
        }
    }

    /// <summary>From the top down to this category.</summary>
    public IReadOnlyList<CategoryNode> Path()
    {
        var path = new List<CategoryNode>();
        for (var n = this; n is not null; n = n.Parent)
        {
            path.Insert(0, n);
        }

        return path;
    }

    /// <summary>The name with its parents' (财政信息 › 预算 › 部门预算), for pickers.</summary>
    public string FullName => string.Join(" › ", Path().Select(n => n.Name));
}

/// <summary>An agency's categories as a tree, in their order (sort order, then id).</summary>
public sealed class CategoryTree
{
    private CategoryTree(IReadOnlyList<CategoryNode> roots, IReadOnlyDictionary<int, CategoryNode> byId)
    {
        Roots = roots;
        ById = byId;
    }

    public IReadOnlyList<CategoryNode> Roots { get; }

    public IReadOnlyDictionary<int, CategoryNode> ById { get; }

    /// <summary>Every category, depth first in order.</summary>
    public IEnumerable<CategoryNode> All => Roots.SelectMany(r => r.SelfAndDescendants());

    public CategoryNode? Find(string? code) => code is null ? null : All.FirstOrDefault(n => n.Code == code);

    /// <summary>
    /// Builds the tree; a row whose parent is missing, or that would close a loop, is put at the top rather than lost.
    /// </summary>
    public static CategoryTree Build(IEnumerable<CatalogCategoryRecord> records)
    {
        var rows = records.OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToList();
        var rowById = rows.ToDictionary(r => r.Id);
        var byId = new Dictionary<int, CategoryNode>();
        var roots = new List<CategoryNode>();

        bool ReachesTop(CatalogCategoryRecord row)
        {
            var seen = new HashSet<int>();
            for (var r = row; r.ParentId is { } p; r = rowById[p])
            {
                if (!rowById.ContainsKey(p) || !seen.Add(r.Id))
                {
                    return false;
                }
            }

            return true;
        }

        CategoryNode Add(CatalogCategoryRecord row)
        {
            if (byId.TryGetValue(row.Id, out var done))
            {
                return done;
            }

            var parent = row.ParentId is { } p && ReachesTop(row) ? Add(rowById[p]) : null;
            var node = new CategoryNode(row, parent);
            byId[row.Id] = node;
            (parent?.Children ?? roots).Add(node);
            return node;
        }

        foreach (var row in rows)
        {
            Add(row);
        }

        // Children were added in the order their first descendant was met; put each level back in order.
        void Sort(List<CategoryNode> list)
        {
            list.Sort((a, b) => a.Record.SortOrder != b.Record.SortOrder ? a.Record.SortOrder.CompareTo(b.Record.SortOrder) : a.Id.CompareTo(b.Id));
            foreach (var n in list)
            {
                Sort(n.Children);
            }
        }

        Sort(roots);
        return new CategoryTree(roots, byId);
    }
}
