using Gongkai.Application.Reports;
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

    /// <summary>This year's main figures of section 三.</summary>
    public ReportFigures Figures { get; private set; } = null!;

    /// <summary>Last year's, when last year's report is published.</summary>
    public ReportFigures? LastYear { get; private set; }

    /// <summary>Every published year's figures, oldest first (the trend chart and its table).</summary>
    public IReadOnlyList<ReportFigures> Trend { get; private set; } = [];

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
        Trend = (await store.ListAsync(current.Id, publishedOnly: true, cancellationToken))
            .Select(r => ReportFigures.Of(AnnualReportStore.Read(r))).OrderBy(f => f.Year).ToList();
        Figures = Trend.First(f => f.Year == year);
        LastYear = Trend.FirstOrDefault(f => f.Year == year - 1);
        return Page();
    }
}
