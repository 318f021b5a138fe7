using Gongkai.Data.Portal;
using Gongkai.Data.Records;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Gongkai.Web.Pages;

/// <summary>
/// 站内搜索 (Art. 24): the catalogue, the register of normative documents, the 制度, the 指南 and the published annual
/// reports, within the current agency or all, filtered by agency, category and year, by relevance or date.
/// </summary>
[AllowAnonymous]
public sealed class SearchModel(CurrentAgency agency, AgencyList agencyList, PortalSearch search, PortalStore portal, IMemoryCache cache) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Words { get; set; }

    /// <summary>An agency's code, <c>all</c> for every agency, or empty for the current one.</summary>
    [BindProperty(SupportsGet = true, Name = "scope")]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true, Name = "c")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    /// <summary><c>date</c> for newest first; relevance otherwise.</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>The page of hits (<c>p</c>: Razor Pages keeps <c>page</c> for the page's own path).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AgencyRecord Current { get; private set; } = null!;

    public IReadOnlyList<AgencyRecord> Agencies { get; private set; } = [];

    public IReadOnlyList<CatalogCategoryRecord> Categories { get; private set; } = [];

    public PortalSearchResult Result { get; private set; } = new([], 0, 1, PortalSearch.PageSize, []);

    public bool Searching => Result.Terms.Count > 0;

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Result.Total / (double)Result.PageSize));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await agency.GetAsync(cancellationToken);
        Agencies = await agencyList.AllAsync(cancellationToken);
        // The government's own column searches the whole platform by default (集约化: one portal for every agency);
        // an agency's column searches that agency unless the visitor widens it.
        if (string.IsNullOrEmpty(Scope) && RouteData.Values[CurrentAgency.RouteKey] is null)
        {
            Scope = "all";
        }

        var scoped = Scope == "all" ? null : Agencies.FirstOrDefault(a => a.Code == Scope) ?? Current;
        Scope = scoped?.Code ?? "all";
        Categories = await CategoriesAsync((scoped ?? Current).Id, cancellationToken);
        Category = Categories.Any(c => c.Code == Category) ? Category : null;
        Year = Year is >= 1990 and <= 2100 ? Year : null;
        Sort = Sort == "date" ? "date" : null;
        Result = await search.SearchAsync(new PortalQuery(Words ?? string.Empty, scoped?.Id, Category, Year, Sort == "date", PageNumber), cancellationToken,
            Agencies);
    }

    /// <summary>How long this instance keeps an agency's category list (the filter's choices) before reading it again.</summary>
    public static readonly TimeSpan CategoriesKeep = TimeSpan.FromSeconds(10);

    /// <summary>An agency's categories, kept a few seconds per instance under a key that names the agency.</summary>
    private async Task<IReadOnlyList<CatalogCategoryRecord>> CategoriesAsync(int agencyId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync((typeof(SearchModel), "categories", agencyId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CategoriesKeep;
            return portal.CategoryRecordsAsync(agencyId, cancellationToken);
        }) ?? [];

    public static string SourceLabel(PortalSource source) => source switch
    {
        PortalSource.Catalog => "主动公开",
        PortalSource.Register => "规范性文件",
        PortalSource.Policy => "公开制度",
        PortalSource.Guide => "公开指南",
        PortalSource.Report => "年度报告",
        _ => string.Empty,
    };

    /// <summary>Where a hit leads, inside the hit's agency's column.</summary>
    public string? Link(PortalHit hit) => hit.Source switch
    {
        PortalSource.Catalog => Url.Page("/Catalog/Item", new { id = hit.Id, agency = AgencyRoute(hit) }),
        PortalSource.Register => hit.CatalogItemId is { } item ? Url.Page("/Catalog/Item", new { id = item, agency = AgencyRoute(hit) }) : null,
        PortalSource.Policy => Url.Page("/Policies/Index", new { id = hit.Id, agency = AgencyRoute(hit) }),
        PortalSource.Guide => Url.Page("/Guide", new { agency = AgencyRoute(hit) }),
        PortalSource.Report => Url.Page("/Reports/Show", new { year = hit.Id, agency = AgencyRoute(hit) }),
        _ => null,
    };

    public string PageLink(int page) => Url.Page("/Search", new { q = Words, scope = Scope, c = Category, year = Year, sort = Sort, p = page })!;

    private string? AgencyRoute(PortalHit hit) => hit.AgencyId == Current.Id && RouteData.Values["agency"] is null ? null : hit.AgencyCode;
}
