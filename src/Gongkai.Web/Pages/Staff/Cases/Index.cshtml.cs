using Gongkai.Application.Cases;
using Gongkai.Data.Records;
using Gongkai.Documents.Tables;
using Gongkai.Domain.Applications;
using Gongkai.Web.Cases;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>
/// 依申请公开 work list: open cases by due date with 临近期限 (due within the agency's 提前提醒的工作日数) and 已逾期 marked in words,
/// online applications awaiting confirmation of receipt (Art. 31) on top, extension requests awaiting a leader,
/// filters and search. A liaison (承办科室) sees only the cases of their department.
/// </summary>
public sealed class IndexModel(ListWorklistQueues queues, CurrentAgency agency, ListWorkCases list, UserManager<StaffUser> users, ListCaseHandlers handlers, AssignCases assignCases) : PageModel
{

    /// <summary>Rows per page of each list (cases; online applications awaiting confirmation).</summary>
    public const int PageSize = 50;

    /// <summary>The columns of the list as on screen and in the export.</summary>
    public static readonly IReadOnlyList<string> ExportHeaders = ["编号", "答复期限", "剩余工作日", "状态", "收到日期", "申请人", "申请方式", "承办科室", "承办人"];

    public IReadOnlyList<WorkCaseRow> Rows { get; private set; } = [];

    public IReadOnlyList<OnlineApplicationRecord> Pending { get; private set; } = [];

    public IReadOnlyList<(ExtensionRequestRecord Request, CaseRecord Case)> PendingExtensions { get; private set; } = [];

    public IReadOnlyList<DepartmentRecord> Departments { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>N of 临近期限: the agency's 提前提醒的工作日数, as on the staff home and in 我的提醒.</summary>
    public int DueSoonDays { get; private set; }

    /// <summary>The agency's possible 承办人 (the filter and 分配给…).</summary>
    public IReadOnlyList<CaseHandler> Handlers { get; private set; } = [];

    /// <summary>The signed-in person's account id (只看我的).</summary>
    public string? MyId { get; private set; }

    /// <summary>承办人 filter: an account id, "me" (只看我的) or "none" (未指定). Not "handler": Razor Pages reads that name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Assignee { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>"remaining-desc": most working days left first; otherwise nearest reply date first.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary>The page of the case list (1-based, <c>?page=</c>).</summary>
    [BindProperty(Name = "page", SupportsGet = true)]
    public int CasePage { get; set; } = 1;

    /// <summary>The page of the online applications awaiting confirmation (<c>?online=</c>).</summary>
    [BindProperty(Name = "online", SupportsGet = true)]
    public int OnlinePage { get; set; } = 1;

    /// <summary>How many cases the filters select (all pages).</summary>
    public int RowTotal { get; private set; }

    /// <summary>How many online applications await confirmation (all pages).</summary>
    public int PendingTotal { get; private set; }

    public bool LiaisonOnly { get; private set; }

    public static int Pages(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    /// <summary>The address of this list with one query value changed (filters kept).</summary>
    public string PageLink(string name, int value)
    {
        var query = Request.Query.Where(q => q.Key != name).SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
            .Append($"{name}={value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return "/staff/cases?" + string.Join("&", query);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        Handlers = await handlers.ExecuteAsync(current.Id, cancellationToken);
        Departments = await queues.DepartmentsAsync(current.Id, cancellationToken);
        var shown = await list.ExecuteAsync(await RequestAsync(current.Id, CasePage), cancellationToken);
        (Rows, RowTotal, CasePage, Today, DueSoonDays) = (shown.Rows, shown.Total, shown.Page, shown.Today, shown.DueSoonDays);

        if (!LiaisonOnly)
        {
            var waiting = await queues.ExecuteAsync(current.Id, OnlinePage, PageSize, cancellationToken);
            (PendingTotal, OnlinePage, Pending, PendingExtensions) = (waiting.PendingTotal, waiting.OnlinePage, waiting.Pending, waiting.PendingExtensions);
        }
    }

    /// <summary>
    /// 分配给…: the ticked rows (<c>ids</c>, each "case id:version shown") to one 承办人 (<c>assignTo</c>; empty: none),
    /// all or none; back to the same filtered list with what was done or why nothing was.
    /// </summary>
    public async Task<IActionResult> OnPostAssignAsync(string[]? ids, string? assignTo, string? back, CancellationToken cancellationToken)
    {
        if (!User.HandlesCases())
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        var seen = new List<SeenCase>();
        foreach (var value in ids ?? [])
        {
            var parts = value.Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                seen.Add(new SeenCase(id, version));
            }
        }

        var result = await assignCases.ExecuteAsync(new AssignCasesRequest(current.Id, seen, string.IsNullOrWhiteSpace(assignTo) ? null : assignTo, User.Identity!.Name!), cancellationToken);
        if (result.Value is { } done)
        {
            TempData["Message"] = (done.HandlerName is { } name ? $"已将{done.Assigned}件分配给{name}" : $"已取消{done.Assigned}件的承办人")
                + (done.Unchanged > 0 ? $"（另有{done.Unchanged}件原已如此，未改动）。" : "。");
        }
        else
        {
            TempData["Error"] = result.Error!.Message;
        }

        // Only back to this list (with its filters), never elsewhere.
        return Redirect(back is { Length: > 0 } && back.StartsWith('?') ? "/staff/cases" + back : "/staff/cases");
    }

    /// <summary>The filtered list (every page) as CSV, UTF-8 with BOM: <c>?handler=Csv</c>.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var (rows, today) = await ExportRowsAsync(cancellationToken);
        await using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        TableExport.WriteCsv(text, ExportHeaders, rows);
        return File(new System.Text.UTF8Encoding(false).GetBytes(text.ToString()), "text/csv; charset=utf-8", FileName(today, "csv"));
    }

    /// <summary>The filtered list (every page) as an XLSX workbook: <c>?handler=Xlsx</c>.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var (rows, today) = await ExportRowsAsync(cancellationToken);
        var stream = new MemoryStream();
        TableExport.WriteXlsx(stream, "依申请公开案件", ExportHeaders, rows);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(today, "xlsx"));
    }

    /// <summary>The address of the export in <paramref name="format"/> ("Csv" or "Xlsx"), with the filters of this list.</summary>
    public string ExportLink(string format) => "/staff/cases?" + string.Join("&", Request.Query.Where(q => q.Key is not ("handler" or "page" or "online"))
        .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}")).Append($"handler={format}"));

    /// <summary>The address of this list with the filter <paramref name="name"/> set to <paramref name="value"/> (removed when null), first page.</summary>
    public string FilterLink(string name, string? value) => "/staff/cases?" + string.Join("&", Request.Query.Where(q => q.Key != name && q.Key != "page")
        .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
        .Concat(value is null ? [] : [$"{name}={Uri.EscapeDataString(value)}"]));

    /// <summary>The address of this list sorted by <paramref name="sort"/> (filters kept, first page).</summary>
    public string SortLink(string sort) => "/staff/cases?" + string.Join("&", Request.Query.Where(q => q.Key is not ("sort" or "page"))
        .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}")).Append($"sort={sort}"));

    private async Task<ListWorkCasesRequest> RequestAsync(int agencyId, int? page)
    {
        LiaisonOnly = User.IsInRole(StaffRoles.DepartmentLiaison) && !User.IsInRole(StaffRoles.DisclosureOfficer)
            && !User.IsInRole(StaffRoles.Administrator) && !User.IsInRole(StaffRoles.ApprovingLeader) && !User.IsInRole(StaffRoles.Supervisor);
        int? own = null;
        MyId = users.GetUserId(User);
        if (LiaisonOnly)
        {
            var me = await users.GetUserAsync(User);
            own = me?.DepartmentId ?? -1;
        }

        var assignee = Assignee == "me" ? MyId ?? "none" : Assignee;
        return new ListWorkCasesRequest(agencyId, own, Status, Department, Channel, Year, Q, Sort, page, PageSize, assignee, MyId);
    }

    private async Task<(IEnumerable<IReadOnlyList<object?>> Rows, DateOnly Today)> ExportRowsAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var shown = await list.ExecuteAsync(await RequestAsync(current.Id, null), cancellationToken);
        return (shown.Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Case.Number, CaseText.Date(r.Case.ReplyDue), r.Clock?.Remaining ?? string.Empty,
            CaseText.Status(r.Case.Status) + (r.Case.Outcome is { } outcome ? $"（{CaseText.Outcome(outcome)}）" : string.Empty),
            CaseText.Date(r.Case.ReceivedOn), r.Case.ApplicantName, CaseText.Channel(r.Case.Channel), r.Department ?? "未分办", r.Handler ?? string.Empty,
        ]), shown.Today);
    }

    private static string FileName(DateOnly today, string extension) => $"依申请公开案件-{today:yyyyMMdd}.{extension}";

    public static IEnumerable<(string Value, string Label)> StatusOptions() =>
    [
        ("open", "未办结（全部）"), ("soon", "临近期限"), ("overdue", "已逾期"),
        (nameof(CaseStatus.Open), "办理中"), (nameof(CaseStatus.AwaitingSupplement), "待补正"), (nameof(CaseStatus.InConsultation), "征求意见中"),
        (nameof(CaseStatus.AwaitingFee), "待缴费"), (nameof(CaseStatus.Closed), "已办结"), ("all", "全部"),
    ];
}
