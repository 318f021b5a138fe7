using Gongkai.Application.Reports;
using Gongkai.Data.Records;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Reports;

/// <summary>The published annual reports, newest first (Art. 49).</summary>
[AllowAnonymous]
public sealed class IndexModel(CurrentAgency agency, AnnualReportStore store) : PageModel
{
    /// <summary>The agency column's code (links to the report files stay in it), null for the government's own.</summary>
    public string? ColumnCode => agency.ColumnCode;

    public string AgencyName { get; private set; } = string.Empty;

    public IReadOnlyList<AnnualReportRecord> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        AgencyName = current.Name;
        Reports = await store.ListAsync(current.Id, publishedOnly: true, cancellationToken);
    }
}
