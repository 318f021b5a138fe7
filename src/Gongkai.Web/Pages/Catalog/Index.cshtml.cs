using Gongkai.Application.Catalog;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Catalog;

/// <summary>
/// 政府信息公开目录 (Art. 12): the published catalogue by category, and search by a few characters of Chinese
/// (substrings, no word segmentation).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.CatalogPolicy)]
public sealed class IndexModel(CurrentAgency agency, AgencyList agencies, ReadCatalogPage read) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Words { get; set; }

    [BindProperty(SupportsGet = true, Name = "c")]
    public string? Category { get; set; }

    /// <summary>The page of the listing (<c>?page=2</c>; read from the query, as the route's own "page" value is the Razor page's name).</summary>
    public int PageNumber { get; set; } = 1;

    /// <summary>On the government's own column: search every agency's published items (<c>all=true</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "all")]
    public bool AllAgencies { get; set; }

    /// <summary>The column's path, empty for the government's own.</summary>
    public string Column => AgencyColumns.PathOf(agency.ColumnCode);

    /// <summary>The agencies of the hits, by id (a hit of another agency links into that agency's column).</summary>
    public IReadOnlyDictionary<int, AgencyRecord> AgencyById { get; private set; } = new Dictionary<int, AgencyRecord>();

    private int CurrentId { get; set; }

    /// <summary>法定主动公开内容 as a tree of any depth.</summary>
    public CategoryTree Tree { get; private set; } = CategoryTree.Build([]);

    /// <summary>The chosen category, null for all.</summary>
    public CategoryNode? Selected { get; private set; }

    public CatalogSearchResult Result { get; private set; } = CatalogSearchResult.Empty(1, CatalogSearch.DefaultPageSize);

    public string AgencyName { get; private set; } = string.Empty;

    public bool Searching => !string.IsNullOrWhiteSpace(Words);

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Result.Total / (double)Result.PageSize));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        AgencyName = current.Name;
        CurrentId = current.Id;
        PageNumber = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        AgencyById = (await agencies.AllAsync(cancellationToken)).ToDictionary(a => a.Id);
        AllAgencies = AllAgencies && agency.ColumnCode is null;
        var view = await read.ExecuteAsync(new ReadCatalogPageRequest(current.Id, AllAgencies ? null : Category, Words, PageNumber, AllAgencies), cancellationToken);
        Tree = view.Tree;
        Selected = view.Category;
        Category = Selected?.Code;
        Result = view.Result;
    }

    /// <summary>"共12条", "1000条以上", "约733条" as the result's count allows.</summary>
    public string CountText => Result.TotalIsApproximate
        ? Result.Total >= CatalogSearch.CountCap ? $"{CatalogSearch.CountCap}条以上" : $"约{Result.Total}条"
        : $"共{Result.Total}条";

    /// <summary>
    /// The top of the tree in two groups: the categories that report an Art. 20 item (in the article's order), then
    /// the agency's own; each with its sub-categories below.
    /// </summary>
    public IReadOnlyList<(string Heading, IReadOnlyList<CategoryNode> Categories)> Groups =>
        new (string Heading, IReadOnlyList<CategoryNode> Categories)[]
        {
            ("第二十条法定主动公开内容", Tree.Roots.Where(c => c.Article20Item is not null).OrderBy(c => c.Article20Item).ThenBy(c => c.Record.SortOrder).ToList()),
            ("本机关其他主动公开内容", Tree.Roots.Where(c => c.Article20Item is null).ToList()),
        }.Where(g => g.Categories.Count > 0).ToList();

    /// <summary>True when <paramref name="node"/> is the chosen category or above it (its branch is shown open).</summary>
    public bool IsOpen(CategoryNode node) => Selected is not null && Selected.Path().Any(n => n.Id == node.Id);

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?> { ["q"] = Words, ["c"] = Category, ["all"] = AllAgencies ? "true" : null, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Value!;

    /// <summary>The item's page in its own agency's column.</summary>
    public string ItemLink(CatalogSearchHit hit) =>
        (hit.AgencyId != CurrentId && AgencyById.TryGetValue(hit.AgencyId, out var owner) ? AgencyColumns.PathOf(owner.Code) : Column) + "/catalog/" + hit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
