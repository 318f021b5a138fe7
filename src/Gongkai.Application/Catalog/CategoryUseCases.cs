using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Catalog;

/// <summary>The category tree of 法定主动公开内容 (Art. 12, 20): reading it on the portal, and the office's changes to it.</summary>
public static class CategoryServices
{
    public static IServiceCollection AddCatalogCategoryUseCases(this IServiceCollection services) => services
        .AddScoped<ListCatalogCategories>()
        .AddScoped<ReadCatalogPage>()
        .AddScoped<ReadGuide>()
        .AddScoped<AddCatalogCategory>()
        .AddScoped<RenameCatalogCategory>()
        .AddScoped<MoveCatalogCategory>()
        .AddScoped<RemoveCatalogCategory>();
}

/// <summary>The agency's category tree (the standard Art. 20 set is created the first time, as everywhere).</summary>
public sealed class ListCatalogCategories(GongkaiDbContext db, CatalogStores stores)
{
    public async Task<CategoryTree> ExecuteAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var rows = await db.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == agencyId).ToListAsync(cancellationToken);
        return CategoryTree.Build(rows.Count > 0 ? rows : await (await stores.OpenAsync(cancellationToken)).CategoriesAsync(agencyId, cancellationToken));
    }
}

/// <summary>
/// What the portal's 法定主动公开内容 page shows: the agency's tree, the chosen category (null: all), and one page of
/// published items — a category's own and its sub-categories' — newest first; or the items found by a few words.
/// </summary>
/// <param name="AgencyId">The column's agency.</param>
/// <param name="CategoryCode">The chosen category; unknown codes show everything.</param>
/// <param name="Words">Words to find (the catalogue's search); null or blank to browse.</param>
/// <param name="Page">The page of the listing, from 1.</param>
/// <param name="AllAgencies">On the government's own column: search every agency's items.</param>
public sealed record ReadCatalogPageRequest(int AgencyId, string? CategoryCode, string? Words, int Page, bool AllAgencies = false);

/// <summary>The page: the tree, the chosen category and the listing.</summary>
public sealed record CatalogPageView(CategoryTree Tree, CategoryNode? Category, CatalogSearchResult Result);

/// <summary>Reads the public catalogue page (a query: it changes nothing).</summary>
public sealed class ReadCatalogPage(GongkaiDbContext db, CatalogSearch search, ListCatalogCategories categories)
{
    public async Task<CatalogPageView> ExecuteAsync(ReadCatalogPageRequest request, CancellationToken cancellationToken = default)
    {
        var page = Math.Max(1, request.Page);
        var searching = !string.IsNullOrWhiteSpace(request.Words);
        if (request.AllAgencies)
        {
            var all = searching
                ? await search.SearchAsync(null, request.Words!, null, page, cancellationToken: cancellationToken)
                : await search.BrowseAsync(request.AgencyId, null, page, cancellationToken: cancellationToken);
            return new CatalogPageView(CategoryTree.Build([]), null, all);
        }

        var tree = await categories.ExecuteAsync(request.AgencyId, cancellationToken);
        var category = tree.Find(request.CategoryCode);
        if (searching)
        {
            return new CatalogPageView(tree, category, await search.SearchAsync(request.AgencyId, request.Words!, category?.Code, page, cancellationToken: cancellationToken));
        }

        var ids = category?.SelfAndDescendants().Select(n => n.Id).ToList();
        return new CatalogPageView(tree, category, await BrowseAsync(request.AgencyId, ids, page, CatalogSearch.DefaultPageSize, cancellationToken));
    }

    /// <summary>Published items of the categories (null: all), newest publication first.</summary>
    private async Task<CatalogSearchResult> BrowseAsync(int agencyId, List<int>? categoryIds, int page, int pageSize, CancellationToken cancellationToken)
    {
        var items = db.CatalogItems.AsNoTracking().Where(i => i.AgencyId == agencyId && i.Status == nameof(CatalogItemStatus.Published));
        if (categoryIds is not null)
        {
            items = items.Where(i => categoryIds.Contains(i.CategoryId));
        }

        var total = await items.CountAsync(cancellationToken);
        var rows = await (from i in items
                          join c in db.CatalogCategories.AsNoTracking() on i.CategoryId equals c.Id
                          orderby i.PublishedOn descending, i.Id descending
                          select new { i.Id, i.AgencyId, i.IndexNumber, i.Title, i.Summary, Category = c.Name, i.GeneratedOn, i.PublishedOn, i.DocumentNumber, i.Publisher, i.Validity })
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var hits = rows.Select(r => new CatalogSearchHit(r.Id, r.AgencyId, r.IndexNumber, r.Title, r.Summary, r.Category, r.GeneratedOn, r.PublishedOn,
            r.DocumentNumber, r.Publisher, Enum.Parse<Validity>(r.Validity))).ToList();
        return new CatalogSearchResult(hits, total, false, page, pageSize);
    }
}

/// <summary>The 政府信息公开指南 page (Art. 12): the agency's guide as kept at 机关设置与公开指南, and the catalogue's categories it describes.</summary>
public sealed record GuideView(AgencyGuideRecord? Guide, CategoryTree Categories);

/// <summary>Reads the 指南 of an agency (a query).</summary>
public sealed class ReadGuide(GongkaiDbContext db, ListCatalogCategories categories)
{
    public async Task<GuideView> ExecuteAsync(int agencyId, CancellationToken cancellationToken = default) =>
        new(await db.AgencyGuides.AsNoTracking().SingleOrDefaultAsync(g => g.AgencyId == agencyId, cancellationToken),
            await categories.ExecuteAsync(agencyId, cancellationToken));
}

/// <summary>Adds a sub-category under <paramref name="ParentId"/> (null: at the top) of the agency's tree.</summary>
public sealed record AddCatalogCategoryRequest(int AgencyId, int? ParentId, string? Code, string? Name);

/// <summary>Renames category <paramref name="Id"/>, as decided by <paramref name="Actor"/> on the page showing <paramref name="SeenVersion"/>.</summary>
public sealed record RenameCatalogCategoryRequest(int AgencyId, int Id, string? Name, int? SeenVersion, string Actor);

/// <summary>Moves category <paramref name="Id"/> under <paramref name="ParentId"/> (null: to the top), as decided on the page showing <paramref name="SeenVersion"/>.</summary>
public sealed record MoveCatalogCategoryRequest(int AgencyId, int Id, int? ParentId, int? SeenVersion, string Actor);

/// <summary>Removes category <paramref name="Id"/>, which must be empty, as decided on the page showing <paramref name="SeenVersion"/>.</summary>
public sealed record RemoveCatalogCategoryRequest(int AgencyId, int Id, int? SeenVersion);

/// <summary>The rules the category changes share.</summary>
internal static class CategoryRules
{
    public const int MaxDepth = 6;

    /// <summary>
    /// Saves a category change. Two people at once (the same new code, an item filed into a category being removed, a
    /// move beside a removal) meet the database's unique and foreign keys: the later one is told, nothing half-saved.
    /// </summary>
    public static async Task<Result<CatalogCategoryRecord>> SaveAsync(GongkaiDbContext db, CatalogCategoryRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok(record);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Its version moved on between reading and writing: say who changed it, as when the page was stale.
            db.ChangeTracker.Clear();
            var now = await db.CatalogCategories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == record.Id, cancellationToken);
            return now is null ? Missing : Changed(now);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Conflict("分类刚被其他人修改（代码已被使用、分类已删除或已有信息归入），本次未保存，请刷新页面后重试。");
        }
    }

    /// <summary>
    /// The category to change, as the person saw it: <see cref="Missing"/> when it is not in the agency's tree (removed
    /// meanwhile, or another agency's), a <see cref="Conflict"/> naming who changed it and when when its version is no longer
    /// <paramref name="seenVersion"/> (null: not checked). The tree comes with it, for the rules that look around.
    /// </summary>
    public static async Task<Result<(CategoryTree Tree, CategoryNode Node)>> OpenAsync(ListCatalogCategories categories, int agencyId, int id, int? seenVersion,
        CancellationToken cancellationToken)
    {
        var tree = await categories.ExecuteAsync(agencyId, cancellationToken);
        if (!tree.ById.TryGetValue(id, out var node))
        {
            return Missing;
        }

        return seenVersion is { } seen && seen != node.Record.Version ? Changed(node.Record) : Result.Ok((tree, node));
    }

    /// <summary>
    /// Keeps the change and its author on the row, checked by the database: the write succeeds only while the row is still
    /// at the version <paramref name="seen"/> that was checked (<see cref="SaveAsync"/> turns the other case into a conflict).
    /// </summary>
    public static void Stamp(GongkaiDbContext db, CatalogCategoryRecord record, int seen, string actor, TimeProvider clock)
    {
        record.Version = seen + 1;
        record.UpdatedBy = actor;
        record.UpdatedAt = clock.GetUtcNow();
        db.Entry(record).Property(r => r.Version).OriginalValue = seen;
    }

    /// <summary>
    /// The fifteen Art. 20 categories stay at the top, as the frame of the tree: a move or removal of one is refused with
    /// <paramref name="why"/> (“保持在第一级，不能移动”, “不能删除”).
    /// </summary>
    public static Refused? Fixed(CategoryNode node, string why, string? field = null) =>
        node.Article20Item is not null && node.Depth == 0 ? new Refused($"“{node.Name}”是第二十条规定的法定主动公开内容分类，{why}。", field) : null;

    /// <summary>"分类“部门预算”在您打开页面后已被wangfang于2026-12-02 14:30修改（改名或移动），本次未保存……", with its name now.</summary>
    private static Conflict Changed(CatalogCategoryRecord now) =>
        new($"分类“{now.Name}”在您打开页面后已被{now.UpdatedBy ?? "他人"}于{(now.UpdatedAt is { } at ? ChinaTime.Minute(at) : "刚才")}修改（改名或移动），本次未保存；请查看页面上的最新分类后重试。");

    public static Refused? Name(string? name, IEnumerable<CategoryNode> siblings, int? except = null)
    {
        var clean = name?.Trim();
        if (string.IsNullOrEmpty(clean))
        {
            return new Refused("请填写分类名称。", "Name");
        }

        if (clean.Length > 200)
        {
            return new Refused("分类名称不能超过200个字。", "Name");
        }

        return siblings.Any(s => s.Id != except && s.Name == clean) ? new Refused($"同一级已有分类“{clean}”，请换一个名称。", "Name") : null;
    }

    public static NotFound Missing => new("没有这个分类（可能已被删除），请刷新页面。");
}

/// <summary>添加子分类: a category of the agency's own, at the top or under another (to any depth the office needs, up to six levels).</summary>
public sealed class AddCatalogCategory(GongkaiDbContext db, ListCatalogCategories categories)
{
    public async Task<Result<CatalogCategoryRecord>> ExecuteAsync(AddCatalogCategoryRequest request, CancellationToken cancellationToken = default)
    {
        var tree = await categories.ExecuteAsync(request.AgencyId, cancellationToken);
        CategoryNode? parent = null;
        if (request.ParentId is { } parentId && !tree.ById.TryGetValue(parentId, out parent))
        {
            return new Refused("所选的上级分类不存在，请刷新页面后重新选择。", "ParentId");
        }

        if (parent is not null && parent.Depth + 1 >= CategoryRules.MaxDepth)
        {
            return new Refused($"分类最多{CategoryRules.MaxDepth}级，“{parent.FullName}”下不能再添加子分类。", "ParentId");
        }

        var code = request.Code?.Trim() ?? string.Empty;
        if (code.Length == 0)
        {
            return new Refused("请填写分类代码（字母、数字或连字符，如 budget-dept）。", "Code");
        }

        if (code.Length > 64 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return new Refused("分类代码只能由字母、数字、连字符和下划线组成，不超过64个字符。", "Code");
        }

        if (tree.All.Any(n => n.Code == code))
        {
            return new Refused($"分类代码“{code}”已被使用，请换一个。", "Code");
        }

        if (CategoryRules.Name(request.Name, parent?.Children ?? tree.Roots) is { } refused)
        {
            return refused;
        }

        var record = new CatalogCategoryRecord
        {
            AgencyId = request.AgencyId,
            Code = code,
            Name = request.Name!.Trim(),
            ParentId = parent?.Id,
            SortOrder = (tree.All.Select(n => n.Record.SortOrder).DefaultIfEmpty(0).Max()) + 10,
        };
        db.CatalogCategories.Add(record);
        return await CategoryRules.SaveAsync(db, record, cancellationToken);
    }
}

/// <summary>重命名分类. Items keep their category; the portal and the report's narrative show the new name.</summary>
public sealed class RenameCatalogCategory(GongkaiDbContext db, ListCatalogCategories categories, TimeProvider clock)
{
    public async Task<Result<CatalogCategoryRecord>> ExecuteAsync(RenameCatalogCategoryRequest request, CancellationToken cancellationToken = default)
    {
        var opened = await CategoryRules.OpenAsync(categories, request.AgencyId, request.Id, request.SeenVersion, cancellationToken);
        if (opened.Error is { } error)
        {
            return error;
        }

        var (tree, node) = opened.Value;
        if (CategoryRules.Name(request.Name, node.Parent?.Children ?? tree.Roots, node.Id) is { } refused)
        {
            return refused;
        }

        var record = await db.CatalogCategories.SingleAsync(c => c.Id == node.Id, cancellationToken);
        record.Name = request.Name!.Trim();
        CategoryRules.Stamp(db, record, node.Record.Version, request.Actor, clock);
        return await CategoryRules.SaveAsync(db, record, cancellationToken);
    }
}

/// <summary>
/// 移动分类: under another category or to the top. Never under itself or one of its own sub-categories; the fifteen
/// categories of Art. 20 stay at the top, as the frame of the tree.
/// </summary>
public sealed class MoveCatalogCategory(GongkaiDbContext db, ListCatalogCategories categories, TimeProvider clock)
{
    public async Task<Result<CatalogCategoryRecord>> ExecuteAsync(MoveCatalogCategoryRequest request, CancellationToken cancellationToken = default)
    {
        var opened = await CategoryRules.OpenAsync(categories, request.AgencyId, request.Id, request.SeenVersion, cancellationToken);
        if (opened.Error is { } error)
        {
            return error;
        }

        var (tree, node) = opened.Value;
        if (CategoryRules.Fixed(node, "保持在第一级，不能移动", "ParentId") is { } fixedAtTop)
        {
            return fixedAtTop;
        }

        CategoryNode? parent = null;
        if (request.ParentId is { } parentId)
        {
            if (!tree.ById.TryGetValue(parentId, out parent))
            {
                return new Refused("所选的上级分类不存在，请刷新页面后重新选择。", "ParentId");
            }

            if (node.SelfAndDescendants().Any(n => n.Id == parentId))
            {
                return new Refused($"不能把“{node.Name}”移到它自己或它的子分类下面。", "ParentId");
            }

            var height = node.SelfAndDescendants().Max(n => n.Depth) - node.Depth;
            if (parent.Depth + 1 + height >= CategoryRules.MaxDepth)
            {
                return new Refused($"分类最多{CategoryRules.MaxDepth}级，移到“{parent.FullName}”下会超过。", "ParentId");
            }
        }

        if (CategoryRules.Name(node.Name, parent?.Children ?? tree.Roots, node.Id) is not null)
        {
            return new Refused($"“{parent?.FullName ?? "第一级"}”下已有同名分类“{node.Name}”，请先改名。", "ParentId");
        }

        var record = await db.CatalogCategories.SingleAsync(c => c.Id == node.Id, cancellationToken);
        record.ParentId = parent?.Id;
        CategoryRules.Stamp(db, record, node.Record.Version, request.Actor, clock);
        return await CategoryRules.SaveAsync(db, record, cancellationToken);
    }
}

/// <summary>
/// 删除分类: only an empty one — no sub-categories and no items in it (drafts included), so nothing loses its place;
/// the fifteen Art. 20 categories are kept (the annual report counts by them).
/// </summary>
public sealed class RemoveCatalogCategory(GongkaiDbContext db, ListCatalogCategories categories)
{
    public async Task<Result<CatalogCategoryRecord>> ExecuteAsync(RemoveCatalogCategoryRequest request, CancellationToken cancellationToken = default)
    {
        var opened = await CategoryRules.OpenAsync(categories, request.AgencyId, request.Id, request.SeenVersion, cancellationToken);
        if (opened.Error is { } error)
        {
            return error;
        }

        var node = opened.Value.Node;
        if (CategoryRules.Fixed(node, "不能删除") is { } kept)
        {
            return kept;
        }

        if (node.Children.Count > 0)
        {
            return new Refused($"“{node.Name}”下还有{node.Children.Count}个子分类，请先删除或移走子分类。");
        }

        var items = await db.CatalogItems.CountAsync(i => i.CategoryId == node.Id, cancellationToken);
        if (items > 0)
        {
            return new Refused($"“{node.Name}”中还有{items}条目录信息，不能删除；请先把这些信息改到其他分类。");
        }

        // Deleted only while still at the version seen (the version is the row's concurrency token).
        var record = await db.CatalogCategories.SingleAsync(c => c.Id == node.Id, cancellationToken);
        db.Entry(record).Property(r => r.Version).OriginalValue = node.Record.Version;
        db.CatalogCategories.Remove(record);
        return await CategoryRules.SaveAsync(db, record, cancellationToken);
    }
}
