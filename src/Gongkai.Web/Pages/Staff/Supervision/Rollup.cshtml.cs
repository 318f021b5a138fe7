using System.Text;
using System.Text.Json;
using Gongkai.Application.Supervision;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Reports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>
/// The roll-up (汇总) of the subtree's annual reports, or of agencies chosen from it (Art. 50; issue #12, 4): sections
/// 二, 三 and 四 summed, by kind of agency, with the previous year and the change; a chart of section 三 (Chart.js, served
/// from /lib) over the same figures as the tables; each agency's figures marked by where they come from. Read-only;
/// exported as JSON, CSV or DOCX like <c>gongkai rollup</c>.
/// </summary>
public sealed class RollupModel(CurrentAgency agency, RollUpReports rollUp, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The chosen agencies (ids; none: the whole subtree).</summary>
    [BindProperty(Name = "a", SupportsGet = true)]
    public List<int> Chosen { get; set; } = [];

    public RollupComparison? Result { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken)
            ? File(new UTF8Encoding(false).GetBytes(RollupOutput.Json(Result!.Current)), "application/json; charset=utf-8", FileName("json"))
            : Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        var writer = new StringWriter();
        RollupOutput.WriteCsv(writer, Result!.Current);
        return File(new UTF8Encoding(false).GetBytes(writer.ToString()), "text/csv; charset=utf-8", FileName("csv"));
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken)
            ? File(DocxReportRenderer.Render(Result!.Current.Total), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileName("docx"))
            : Page();

    /// <summary>The query string of the current choice (year and agencies) for links.</summary>
    public string Query(string? handler = null)
    {
        var parts = new List<string> { $"year={Result?.Current.Year ?? Year}" };
        parts.AddRange(Chosen.Select(id => $"a={id}"));
        if (handler is not null)
        {
            parts.Add($"handler={handler}");
        }

        return "?" + string.Join("&", parts);
    }

    /// <summary>The rows of section 三 the chart shows: the totals of each result group and the balance rows.</summary>
    public static IReadOnlyList<(string Label, Func<AnnualReport, int> Value)> ChartRows { get; } =
    [
        ("本年新收", r => Total(r, ApplicationRowKeys.Received)),
        ("予以公开", r => Total(r, ApplicationRowKeys.Granted)),
        ("部分公开", r => Total(r, ApplicationRowKeys.PartiallyGranted)),
        ("不予公开", r => Prefixed(r, "withheld.")),
        ("无法提供", r => Prefixed(r, "unavailable.")),
        ("不予处理", r => Prefixed(r, "notProcessed.")),
        ("其他处理", r => Prefixed(r, "other.")),
        ("办结总计", r => Total(r, ApplicationRowKeys.TotalHandled)),
        ("结转下年", r => Total(r, ApplicationRowKeys.CarriedForward)),
    ];

    /// <summary>The chart's data as JSON (read by /js/rollup-chart.js).</summary>
    public string ChartJson()
    {
        var r = Result!;
        var data = new
        {
            labels = ChartRows.Select(c => c.Label),
            current = new { label = $"{r.Current.Year}年", values = ChartRows.Select(c => c.Value(r.Current.Total)) },
            previous = r.Previous is null ? null : new { label = $"{r.Previous.Year}年", values = ChartRows.Select(c => c.Value(r.Previous.Total)) },
            kinds = r.Current.ByKind.Select(k => new { label = Gongkai.Domain.Agencies.AgencyKinds.Label(k.Key), values = ChartRows.Select(c => c.Value(k.Value)) }),
        };
        return JsonSerializer.Serialize(data);
    }

    public static int Total(AnnualReport report, string row) =>
        report.Applications.HasRow(row) ? report.Applications[row, ApplicantColumn.Total] ?? 0 : 0;

    private static int Prefixed(AnnualReport report, string prefix) =>
        report.Applications.Rows.Where(x => x.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(x => report.Applications[x.Key, ApplicantColumn.Total] ?? 0);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var year = Year ?? SupervisionScope.DefaultYear(Gongkai.Domain.Calendar.ChinaTime.Today(clock));
        var result = await rollUp.ExecuteAsync(new RollupRequest(current.Id, year, Chosen), cancellationToken);
        Problem = result.PageProblem(Response);
        Result = result.Value;
        return Problem is null;
    }

    private string FileName(string extension) => $"年报汇总-{Result!.Root.Code}-{Result.Current.Year}年度.{extension}";
}
