using Gongkai.Web.Infrastructure;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Reports;

/// <summary>One published annual report, rendered by HtmlReportRenderer inside the portal.</summary>
[AllowAnonymous]
public sealed class ShowModel(CurrentAgency agency, AnnualReportStore store) : PageModel
{
    /// <summary>The agency column's code (links to the report files stay in it), null for the government's own.</summary>
    public string? ColumnCode => agency.ColumnCode;

    public int Year { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string ArticleHtml { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        if (await store.FindAsync(current.Id, year, cancellationToken) is not { Status: ReportStatus.Published } record)
        {
            return NotFound();
        }

        var report = AnnualReportStore.Read(record);
        Year = year;
        Title = report.Title;
        ArticleHtml = ReportHtml.Article(report);
        return Page();
    }
}
