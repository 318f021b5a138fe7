using System.Text;
using Gongkai.Application.Supervision;
using Gongkai.Documents.Tables;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Supervision;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>
/// The supervising office's dashboard (issue #12, 4): one row per agency of the current agency's subtree for a report
/// year — the annual report's standing (Art. 49), open and overdue applications (Art. 33), catalogue items past their
/// Art. 26 date — filtered, sorted, exported as CSV or XLSX. Read-only.
/// </summary>
public sealed class IndexModel(CurrentAgency agency, ShowSupervisionDashboard dashboard, WriteRegionSummary summary, ReportDeadlines deadlines) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public Dashboard? Result { get; private set; }

    public string? Problem { get; private set; }

    public string DeadlineNote => SupervisionSettings.Note(deadlines);

    /// <summary>The export columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["机关代码", "机关名称", "类型", "年度报告状态", "公布期限", "数字来源", "未办结申请", "逾期申请", "逾期未公开目录信息"];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        var writer = new StringWriter();
        TableExport.WriteCsv(writer, Columns, Rows());
        return File(new UTF8Encoding(false).GetBytes(writer.ToString()), "text/csv; charset=utf-8", FileName("csv"));
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        var stream = new MemoryStream();
        TableExport.WriteXlsx(stream, $"{Result!.Year}年度", Columns, Rows());
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));
    }

    /// <summary>The region's summary of the year (DOCX).</summary>
    public async Task<IActionResult> OnGetSummaryAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await summary.ExecuteAsync(current.Id, Result!.Year, cancellationToken);
        return result.Error is null
            ? File(result.Value!.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", result.Value.FileName)
            : Page();
    }

    /// <summary>The address of this page with some query values changed (others kept).</summary>
    public string Link(params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["year"] = Result?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["kind"] = Kind,
            ["status"] = Status,
            ["sort"] = Sort,
            ["desc"] = Desc ? "true" : null,
        };
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
        return "/staff/supervision" + (query.Length > 0 ? "?" + query : string.Empty);
    }

    /// <summary>The link of a sortable column's header: ascending first, then descending.</summary>
    public string SortLink(string column) => Link(("sort", column), ("desc", Sort == column && !Desc ? "true" : null), ("handler", null));

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        AgencyKind? kind = null;
        if (!string.IsNullOrEmpty(Kind))
        {
            kind = AgencyKinds.All.Where(k => k.Key() == Kind).Select(k => (AgencyKind?)k).FirstOrDefault();
            if (kind is null)
            {
                Problem = $"类型：没有“{Kind}”这种机关类型";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return false;
            }
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await dashboard.ExecuteAsync(new DashboardRequest(current.Id, Year, kind, Status, Sort, Desc), cancellationToken);
        Problem = result.PageProblem(Response);
        Result = result.Value;
        return Problem is null;
    }

    private IEnumerable<IReadOnlyList<object?>> Rows() => Result!.Rows.Select(r => (IReadOnlyList<object?>)
    [
        r.Agency.Code, r.Agency.Name, r.Agency.Kind.Label(), r.Report.Label, $"{r.Report.Deadline.Year}年{r.Report.Deadline.Month}月{r.Report.Deadline.Day}日",
        r.Source.Label(), r.OpenCases, r.OverdueCases, r.OverdueCatalogItems,
    ]);

    private string FileName(string extension) => $"年报监督-{Result!.Root.Code}-{Result.Year}年度.{extension}";
}
