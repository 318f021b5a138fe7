using Gongkai.Application.Reports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(CurrentAgency agency, AgencyList agencies, AnnualReportStore reports, Gongkai.Data.Disclosure.CatalogSearch catalog) : PageModel
{
    /// <summary>How many of the newest catalogue items the home page lists.</summary>
    public const int LatestItems = 5;

    /// <summary>The newest published catalogue items (Art. 12), newest first; the page is evicted from the cache on publication.</summary>
    public IReadOnlyList<Gongkai.Data.Disclosure.CatalogSearchHit> Latest { get; private set; } = [];

    public string AgencyName { get; private set; } = string.Empty;

    public int? LatestReportYear { get; private set; }

    /// <summary>On the government's own home page: every other agency's column, by group (政府部门, 乡镇街道, 其他).</summary>
    public IReadOnlyList<IGrouping<string, Gongkai.Data.Records.AgencyRecord>> Groups { get; private set; } = [];

    /// <summary>The agency's column path (<c>/agencies/wjj</c>), empty on the government's own home page.</summary>
    public string Column { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        AgencyName = current.Name;
        Column = AgencyColumns.PathOf(agency.ColumnCode);
        if (agency.ColumnCode is null)
        {
            Groups = (await PortalAgencies.OfferedAsync(agencies, cancellationToken)).Where(a => a.Id != current.Id)
                .GroupBy(PortalAgencies.GroupOf).ToList();
        }
        LatestReportYear = await reports.LatestPublishedYearAsync(current.Id, cancellationToken);
        Latest = (await catalog.BrowseAsync(current.Id, pageSize: LatestItems, cancellationToken: cancellationToken)).Items;
    }
}
