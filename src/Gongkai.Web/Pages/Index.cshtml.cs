using Gongkai.Web.Infrastructure;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(CurrentAgency agency, AnnualReportStore reports, Gongkai.Data.Disclosure.CatalogSearch catalog) : PageModel
{
    /// <summary>How many of the newest catalogue items the home page lists.</summary>
    public const int LatestItems = 5;

    /// <summary>The newest published catalogue items (Art. 12), newest first; the page is evicted from the cache on publication.</summary>
    public IReadOnlyList<Gongkai.Data.Disclosure.CatalogSearchHit> Latest { get; private set; } = [];

    public string AgencyName { get; private set; } = string.Empty;

    public int? LatestReportYear { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        AgencyName = current.Name;
        LatestReportYear = await reports.LatestPublishedYearAsync(current.Id, cancellationToken);
        Latest = (await catalog.BrowseAsync(current.Id, pageSize: LatestItems, cancellationToken: cancellationToken)).Items;
    }
}
