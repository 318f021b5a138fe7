using Gongkai.Web.Infrastructure;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(CurrentAgency agency, AnnualReportStore reports) : PageModel
{
    public string AgencyName { get; private set; } = string.Empty;

    public int? LatestReportYear { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        AgencyName = current.Name;
        LatestReportYear = await reports.LatestPublishedYearAsync(current.Id, cancellationToken);
    }
}
