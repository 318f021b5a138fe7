using Gongkai.Data;
using Gongkai.Data.Records;
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
/// 依申请公开 work list: open cases by due date with 临近期限 (due within 5 working days) and 已逾期 marked in words,
/// online applications awaiting confirmation of receipt (Art. 31) on top, extension requests awaiting a leader,
/// filters and search. A liaison (承办科室) sees only the cases of their department.
/// </summary>
public sealed class IndexModel(GongkaiDbContext db, CurrentAgency agency, CaseWorkspace workspace, UserManager<StaffUser> users) : PageModel
{
    public const int DueSoonWorkingDays = 5;

    /// <summary>Rows per page of each list (cases; online applications awaiting confirmation).</summary>
    public const int PageSize = 50;

    /// <summary>A row of the work list.</summary>
    /// <param name="Case">The case.</param>
    /// <param name="Department">Its 承办科室's name, if assigned.</param>
    /// <param name="Overdue">Open and past its Art. 33 reply date.</param>
    /// <param name="DueSoon">Open and due within <see cref="DueSoonWorkingDays"/> working days.</param>
    /// <param name="HasOpinion">An open case whose department has given its 承办意见: ready for the office's reply.</param>
    public sealed record Row(CaseRecord Case, string? Department, bool Overdue, bool DueSoon, bool HasOpinion = false);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<OnlineApplicationRecord> Pending { get; private set; } = [];

    public IReadOnlyList<(ExtensionRequestRecord Request, CaseRecord Case)> PendingExtensions { get; private set; } = [];

    public IReadOnlyList<DepartmentRecord> Departments { get; private set; } = [];

    public DateOnly Today { get; private set; }

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
        Today = workspace.Today();
        var calendar = await workspace.CalendarAsync(cancellationToken);
        var soon = calendar.AddWorkingDays(Today, DueSoonWorkingDays);
        Departments = await db.Departments.AsNoTracking().Where(d => d.AgencyId == current.Id).OrderBy(d => d.Id).ToListAsync(cancellationToken);

        var cases = db.Cases.AsNoTracking().Where(c => c.AgencyId == current.Id);
        LiaisonOnly = User.IsInRole(StaffRoles.DepartmentLiaison) && !User.IsInRole(StaffRoles.DisclosureOfficer)
            && !User.IsInRole(StaffRoles.Administrator) && !User.IsInRole(StaffRoles.ApprovingLeader) && !User.IsInRole(StaffRoles.Supervisor);
        if (LiaisonOnly)
        {
            var me = await users.GetUserAsync(User);
            var own = me?.DepartmentId ?? -1;
            cases = cases.Where(c => c.DepartmentId == own);
        }

        cases = Status switch
        {
            null or "" or "open" => cases.Where(c => c.ClosedOn == null),
            "all" => cases,
            "overdue" => cases.Where(c => c.ClosedOn == null && c.ReplyDue < Today),
            "soon" => cases.Where(c => c.ClosedOn == null && c.ReplyDue >= Today && c.ReplyDue <= soon),
            _ => cases.Where(c => c.Status == Status),
        };
        if (Department is { } department)
        {
            cases = cases.Where(c => c.DepartmentId == department);
        }

        if (!string.IsNullOrEmpty(Channel))
        {
            cases = cases.Where(c => c.Channel == Channel);
        }

        if (Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            cases = cases.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            cases = cases.Where(c => c.Number.Contains(q) || c.ApplicantName.Contains(q) || (c.Request != null && c.Request.Contains(q)));
        }

        // Open cases by due date (paused ones, without a due date, last); closed ones most recent first.
        RowTotal = await cases.CountAsync(cancellationToken);
        CasePage = Math.Clamp(CasePage, 1, Pages(RowTotal));
        var list = await cases.OrderBy(c => c.ClosedOn != null).ThenBy(c => c.ReplyDue == null).ThenBy(c => c.ReplyDue).ThenByDescending(c => c.ClosedOn).ThenBy(c => c.Number)
            .Skip((CasePage - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var names = Departments.ToDictionary(d => d.Id, d => d.Name);
        var openIds = list.Where(c => c.ClosedOn is null).Select(c => c.Id).ToList();
        var withOpinion = (await db.CaseEvents.AsNoTracking().Where(e => e.Type == "departmentOpinion" && openIds.Contains(e.CaseId))
            .Select(e => e.CaseId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        Rows = [.. list.Select(c => new Row(
            c,
            c.DepartmentId is { } d && names.TryGetValue(d, out var name) ? name : null,
            c.ClosedOn is null && c.ReplyDue < Today,
            c.ClosedOn is null && c.ReplyDue >= Today && c.ReplyDue <= soon,
            withOpinion.Contains(c.Id)))];

        if (!LiaisonOnly)
        {
            // Never the identity proofs (up to 5 MB each): they are read one at a time, when someone opens one.
            var pending = db.OnlineApplications.Where(a => a.AgencyId == current.Id && a.CaseId == null);
            PendingTotal = await pending.CountAsync(cancellationToken);
            OnlinePage = Math.Clamp(OnlinePage, 1, Pages(PendingTotal));
            Pending = await pending.OrderBy(a => a.Id).Skip((OnlinePage - 1) * PageSize).Take(PageSize).WithoutProof().ToListAsync(cancellationToken);
            PendingExtensions = (await (from r in db.ExtensionRequests.AsNoTracking()
                                        join c in db.Cases.AsNoTracking() on r.CaseId equals c.Id
                                        where r.Status == ExtensionRequestStatus.Pending && c.AgencyId == current.Id
                                        orderby r.Id
                                        select new { r, c }).ToListAsync(cancellationToken)).Select(x => (x.r, x.c)).ToList();
        }
    }

    public static IEnumerable<(string Value, string Label)> StatusOptions() =>
    [
        ("open", "未办结（全部）"), ("soon", "临近期限"), ("overdue", "已逾期"),
        (nameof(CaseStatus.Open), "办理中"), (nameof(CaseStatus.AwaitingSupplement), "待补正"), (nameof(CaseStatus.InConsultation), "征求意见中"),
        (nameof(CaseStatus.AwaitingFee), "待缴费"), (nameof(CaseStatus.Closed), "已办结"), ("all", "全部"),
    ];
}
