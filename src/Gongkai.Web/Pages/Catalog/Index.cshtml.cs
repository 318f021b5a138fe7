using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Catalog;

/// <summary>
/// 政府信息公开目录 (Art. 12): the published catalogue by category, and search by a few characters of Chinese
/// (substrings, no word segmentation).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.CatalogPolicy)]
public sealed class IndexModel(CurrentAgency agency, AgencyList agencies, GongkaiDbContext db, CatalogSearch search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Words { get; set; }

    [BindProperty(SupportsGet = true, Name = "c")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>On the government's own column: search every agency's published items (<c>all=true</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "all")]
    public bool AllAgencies { get; set; }

    /// <summary>The column's path, empty for the government's own.</summary>
    public string Column => AgencyColumns.PathOf(agency.ColumnCode);

    /// <summary>The agencies of the hits, by id (a hit of another agency links into that agency's column).</summary>
    public IReadOnlyDictionary<int, AgencyRecord> AgencyById { get; private set; } = new Dictionary<int, AgencyRecord>();

    private int CurrentId { get; set; }

    public IReadOnlyList<CatalogCategoryRecord> Categories { get; private set; } = [];

    public CatalogSearchResult Result { get; private set; } = CatalogSearchResult.Empty(1, CatalogSearch.DefaultPageSize);

    public string AgencyName { get; private set; } = string.Empty;

    public bool Searching => !string.IsNullOrWhiteSpace(Words);

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Result.Total / (double)Result.PageSize));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        AgencyName = current.Name;
        CurrentId = current.Id;
        AgencyById = (await agencies.AllAsync(cancellationToken)).ToDictionary(a => a.Id);
        AllAgencies = AllAgencies && agency.ColumnCode is null;
        if (AllAgencies)
        {
            Category = null;
            Result = Searching
                ? await search.SearchAsync(null, Words!, null, PageNumber, cancellationToken: cancellationToken)
                : await search.BrowseAsync(current.Id, null, PageNumber, cancellationToken: cancellationToken);
            return;
        }

        Categories = await db.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == current.Id)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var category = Categories.Any(c => c.Code == Category) ? Category : null;
        Category = category;
        Result = Searching
            ? await search.SearchAsync(current.Id, Words!, category, PageNumber, cancellationToken: cancellationToken)
            : await search.BrowseAsync(current.Id, category, PageNumber, cancellationToken: cancellationToken);
    }

    /// <summary>"共12条", "1000条以上", "约733条" as the result's count allows.</summary>
    public string CountText => Result.TotalIsApproximate
        ? Result.Total >= CatalogSearch.CountCap ? $"{CatalogSearch.CountCap}条以上" : $"约{Result.Total}条"
        : $"共{Result.Total}条";

    /// <summary>
    /// 法定主动公开内容 as a tree: the categories that report an Art. 20 item (in the article's order), then the
    /// agency's own categories.
    /// </summary>
    public IReadOnlyList<(string Heading, IReadOnlyList<CatalogCategoryRecord> Categories)> Groups =>
        new (string Heading, IReadOnlyList<CatalogCategoryRecord> Categories)[]
        {
            ("第二十条法定主动公开内容", Categories.Where(c => c.Article20Item is not null).OrderBy(c => c.Article20Item).ThenBy(c => c.SortOrder).ToList()),
            ("本机关其他主动公开内容", Categories.Where(c => c.Article20Item is null).ToList()),
        }.Where(g => g.Categories.Count > 0).ToList();

    /// <summary>The route values of another page of the same listing.</summary>
    public Dictionary<string, string> PageRoute(int page)
    {
        var route = new Dictionary<string, string> { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(Words))
        {
            route["q"] = Words;
        }

        if (Category is not null)
        {
            route["c"] = Category;
        }

        return route;
    }

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?> { ["q"] = Words, ["c"] = Category, ["all"] = AllAgencies ? "true" : null, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Value!;

    /// <summary>The item's page in its own agency's column.</summary>
    public string ItemLink(CatalogSearchHit hit) =>
        (hit.AgencyId != CurrentId && AgencyById.TryGetValue(hit.AgencyId, out var owner) ? AgencyColumns.PathOf(owner.Code) : Column) + "/catalog/" + hit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
