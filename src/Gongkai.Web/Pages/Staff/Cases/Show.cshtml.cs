using System.Globalization;
using Gongkai.Application.Cases;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Results;
using Gongkai.Web.Cases;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using NotFoundError = Gongkai.Domain.Results.NotFound;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>
/// A case: its details, its append-only history, the due date and the state of the clock, and every step of the
/// clock as a small form. 公开办 records the steps; a leader approves extensions (Art. 33); a liaison reads the cases
/// of their department; the supervisor reads. A step the Regulation does not allow shows the domain's reason and
/// changes nothing.
/// </summary>
public sealed class ShowModel(
    GongkaiDbContext db, CurrentAgency agency, CaseWorkspace workspace, UserManager<StaffUser> users,
    RecordCaseStep record, RequestExtension requestExtension, DecideExtension decideExtension, GenerateNotice generateNotice) : PageModel
{
    public CaseRecord Record { get; private set; } = null!;

    public ApplicationCase Case { get; private set; } = null!;

    public IReadOnlyList<CaseEventRecord> History { get; private set; } = [];

    public IReadOnlyList<DepartmentRecord> Departments { get; private set; } = [];

    public IReadOnlyList<ExtensionRequestRecord> Extensions { get; private set; } = [];

    public IReadOnlyList<CaseNoticeRecord> Notices { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public decimal SuggestedFee { get; private set; }

    public bool CanAct => User.HandlesCases();

    public bool CanApprove => User.IsInRole(StaffRoles.ApprovingLeader);

    /// <summary>The signed-in person's department (承办科室), if any.</summary>
    public int? MyDepartmentId { get; private set; }

    /// <summary>
    /// 承办意见 (Art. 45): the liaison of the department the open case is assigned to reports its findings and proposes
    /// the reply; 公开办 may record it on the department's behalf.
    /// </summary>
    public bool CanGiveOpinion => Case.Status != CaseStatus.Closed && Case.Department is { } d
        && (CanAct || (User.IsInRole(StaffRoles.DepartmentLiaison) && MyDepartmentId is { } mine && Dept(mine) == d));

    [BindProperty]
    public StepInput Step { get; set; } = new();

    /// <summary>The case's version on the page the person decided from; every step form posts it (checked by the database).</summary>
    [BindProperty]
    public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSupplementRequestAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, Step.RespondBy is null ? "补正期限" : null, (date, actor) => new SupplementRequested(date, actor, Step.RespondBy!.Value));

    public Task<IActionResult> OnPostSupplementReceivedAsync(long id, CancellationToken ct) => RecordAsync(id, ct, (date, actor) => new SupplementReceived(date, actor));

    public Task<IActionResult> OnPostSupplementLapsedAsync(long id, CancellationToken ct) => RecordAsync(id, ct, (date, actor) => new SupplementLapsed(date, actor));

    public Task<IActionResult> OnPostAssignAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, Step.DepartmentId is null ? "承办科室" : null, (date, actor) =>
            Case.Department is null ? new Assigned(date, actor, Dept(Step.DepartmentId!.Value)) : new Transferred(date, actor, Dept(Step.DepartmentId!.Value)));

    public Task<IActionResult> OnPostConsultStartAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, (date, actor) => new ConsultationStarted(date, actor, Step.Party));

    public Task<IActionResult> OnPostConsultEndAsync(long id, CancellationToken ct) => RecordAsync(id, ct, (date, actor) => new ConsultationEnded(date, actor));

    public Task<IActionResult> OnPostFeeNoticeAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, Step.Amount is not >= 0 ? "收费金额" : null, (date, actor) => new FeeNoticeSent(date, actor, Step.Amount!.Value));

    public Task<IActionResult> OnPostFeePaidAsync(long id, CancellationToken ct) => RecordAsync(id, ct, (date, actor) => new FeePaid(date, actor));

    public Task<IActionResult> OnPostFeeLapsedAsync(long id, CancellationToken ct) => RecordAsync(id, ct, (date, actor) => new FeeLapsed(date, actor));

    public Task<IActionResult> OnPostReplyAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, Step.Outcome is null ? "办理结果" : null, (date, actor) => new Replied(date, actor, Step.Outcome!.Value));

    public Task<IActionResult> OnPostDeliverAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, string.IsNullOrWhiteSpace(Step.Reason) ? "送达方式" : null, (date, actor) => new Delivered(date, actor, Step.Reason!.Trim()));

    public Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct) => RecordAsync(id, ct, (date, actor) => new Withdrawn(date, actor));

    /// <summary>Art. 35: a reasonable later reply date for an excessive but reasonable application, with the reason.</summary>
    public Task<IActionResult> OnPostReasonableDeadlineAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, Step.ReplyBy is null ? "合理答复期限" : string.IsNullOrWhiteSpace(Step.Reason) ? "理由" : null,
            (date, actor) => new ReasonableDeadlineSet(date, actor, Step.ReplyBy!.Value, Step.Reason!.Trim()));

    /// <summary>承办意见 from the assigned department (or the office on its behalf); the office still gives the reply.</summary>
    public async Task<IActionResult> OnPostOpinionAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanGiveOpinion)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(Step.Reason))
        {
            return Back(id, error: "承办意见：必填（查找结果和答复建议）");
        }

        if (Step.Reason.Trim().Length > 2000)
        {
            return Back(id, error: "承办意见：不应超过2000字");
        }

        var opinion = new DepartmentOpinion(Step.Date ?? Today, User.Identity!.Name!, Case.Department!, Step.Reason.Trim(), Step.Outcome);
        var current = await agency.GetAsync(cancellationToken);
        var result = await record.ExecuteAsync(new RecordCaseStepRequest(current.Id, id, Version, opinion), cancellationToken);
        return result.Succeeded ? Back(id, message: "已记录承办意见，公开办据此答复。") : Back(id, error: Message(result.Error!));
    }

    /// <summary>延期申请 (Art. 33): the officer asks; nothing changes on the case until a leader approves.</summary>
    public async Task<IActionResult> OnPostExtensionRequestAsync(long id, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await requestExtension.ExecuteAsync(
            new RequestExtensionRequest(current.Id, id, Version, Step.WorkingDays, Step.Reason, User.Identity!.Name!), cancellationToken);
        return result.Error switch
        {
            null => Back(id, message: "延期申请已提交，待领导审批。"),
            NotFoundError => NotFound(),
            var error => Back(id, error: error.Message),
        };
    }

    /// <summary>Approval by a leader (the office's head, Art. 33): the case gets its Extended event with the approver, in one transaction with the request's status.</summary>
    public Task<IActionResult> OnPostExtensionApproveAsync(long id, long requestId, CancellationToken cancellationToken) =>
        DecideAsync(id, requestId, approve: true, cancellationToken);

    public Task<IActionResult> OnPostExtensionRefuseAsync(long id, long requestId, CancellationToken cancellationToken) =>
        DecideAsync(id, requestId, approve: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(long id, long requestId, bool approve, CancellationToken cancellationToken)
    {
        if (!CanApprove)
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await decideExtension.ExecuteAsync(new DecideExtensionRequest(current.Id, id, requestId, approve, User.Identity!.Name!, Version), cancellationToken);
        return result.Error switch
        {
            null => Back(id, message: approve ? "已批准延期。" : "已不同意延期。"),
            NotFoundError => NotFound(),
            var error => Back(id, error: Message(error)),
        };
    }

    /// <summary>Generates a notice (DOCX) from the agency's template and keeps it with the case.</summary>
    public async Task<IActionResult> OnPostNoticeAsync(long id, string? kind, string? reason, string? route, string? responsibleAgency, string? responsibleContact, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await generateNotice.ExecuteAsync(
            new GenerateNoticeRequest(current.Id, id, kind, User.Identity!.Name!, reason, route, responsibleAgency, responsibleContact), cancellationToken);
        return result.Error switch
        {
            null => Back(id, message: $"已生成：{result.Value!.Title}。"),
            NotFoundError => NotFound(),
            var error => Back(id, error: error.Message),
        };
    }

    private static string Dept(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<IActionResult> RecordAsync(long id, CancellationToken cancellationToken, Func<DateOnly, string, CaseEvent> make) =>
        RecordAsync(id, cancellationToken, null, make);

    /// <summary>Checks the role and the form, then lets the case store apply the step; <paramref name="missing"/> names a required field left empty.</summary>
    private async Task<IActionResult> RecordAsync(long id, CancellationToken cancellationToken, string? missing, Func<DateOnly, string, CaseEvent> make)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Step.Date is not { } date)
        {
            return Back(id, error: "日期：必填");
        }

        if (Step.DepartmentId is { } d && !Departments.Any(x => x.Id == d))
        {
            return Back(id, error: "承办科室：不存在");
        }

        if (missing is not null)
        {
            return Back(id, error: $"{missing}：必填");
        }

        var step = make(date, User.Identity!.Name!);
        var current = await agency.GetAsync(cancellationToken);
        var result = await record.ExecuteAsync(new RecordCaseStepRequest(current.Id, id, Version, step), cancellationToken);
        return result.Succeeded ? Back(id, message: $"已记录：{step.Name}。") : Back(id, error: Message(result.Error!));
    }

    private static string Message(Error error) => error switch
    {
        Conflict conflict => "未记录：" + conflict.Message,
        NotFoundError => "未找到该案件",
        _ => "未记录：" + error.Message,
    };

    private RedirectResult Back(long id, string? message = null, string? error = null)
    {
        if (message is not null)
        {
            TempData["Message"] = message;
        }

        if (error is not null)
        {
            TempData["Error"] = error;
        }

        return Redirect($"/staff/cases/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var record = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.AgencyId == current.Id, cancellationToken);
        if (record is null || !await MaySeeAsync(record))
        {
            return false;
        }

        var store = await workspace.StoreAsync(cancellationToken);
        Record = record;
        Case = (await store.LoadAsync(current.Id, id, cancellationToken))!;
        History = await store.HistoryAsync(id, cancellationToken);
        Departments = await db.Departments.AsNoTracking().Where(d => d.AgencyId == current.Id).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        Extensions = await db.ExtensionRequests.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        Notices = await db.CaseNotices.AsNoTracking().Where(n => n.CaseId == id).OrderBy(n => n.Id)
            .Select(n => new CaseNoticeRecord { Id = n.Id, CaseId = n.CaseId, Kind = n.Kind, Title = n.Title, Content = Array.Empty<byte>(), CreatedBy = n.CreatedBy, CreatedAt = n.CreatedAt })
            .ToListAsync(cancellationToken);
        Today = workspace.Today();
        MyDepartmentId = (await users.GetUserAsync(User))?.DepartmentId;
        Step.Date ??= Today;
        Step.RespondBy ??= Case.Calendar.AddWorkingDays(Today, 10);
        Step.WorkingDays ??= 20;

        // 按件 (fee rules Art. 4): the applications of the same applicant received in the case's month.
        var month = new DateOnly(record.ReceivedOn.Year, record.ReceivedOn.Month, 1);
        var earlier = await db.Cases.CountAsync(c => c.AgencyId == current.Id && c.ApplicantName == record.ApplicantName
            && c.ReceivedOn >= month && c.Id < record.Id && c.ReceivedOn <= month.AddMonths(1).AddDays(-1), cancellationToken);
        SuggestedFee = new FeeCalculator().PerApplication(earlier);
        Step.Amount ??= SuggestedFee;
        return true;
    }

    /// <summary>A liaison (承办科室 only) sees the cases of their department; every other staff role sees all.</summary>
    private async Task<bool> MaySeeAsync(CaseRecord record)
    {
        if (User.IsInRole(StaffRoles.DisclosureOfficer) || User.IsInRole(StaffRoles.Administrator)
            || User.IsInRole(StaffRoles.ApprovingLeader) || User.IsInRole(StaffRoles.Supervisor))
        {
            return true;
        }

        var me = await users.GetUserAsync(User);
        return me?.DepartmentId is { } d && record.DepartmentId == d;
    }

    /// <summary>The history entry's step in Chinese with its particulars (department, outcome, days…).</summary>
    public string Describe(CaseEventRecord entry) => CaseStepText.Describe(CaseEventSerializer.Deserialize(entry.Type, entry.Payload), DepartmentName);

    /// <summary>A before/after summary (status and due date) in Chinese.</summary>
    public static string State(string? json)
    {
        if (json is null)
        {
            return "—";
        }

        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        var status = root.TryGetProperty("status", out var st) ? CaseText.Status(st.GetString()) : string.Empty;
        var due = root.TryGetProperty("replyDue", out var d) && d.ValueKind == System.Text.Json.JsonValueKind.String ? "，期限 " + d.GetString() : string.Empty;
        return status + due;
    }

    public string DepartmentName(string? id) =>
        id is not null && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && Departments.FirstOrDefault(x => x.Id == d) is { } dept
            ? dept.Name : id ?? "未分办";
}

/// <summary>The fields of the step forms; each form posts the ones it needs.</summary>
public sealed class StepInput
{
    public DateOnly? Date { get; set; }

    public DateOnly? RespondBy { get; set; }

    /// <summary>Art. 35: the reasonable later reply date.</summary>
    public DateOnly? ReplyBy { get; set; }

    public int? DepartmentId { get; set; }

    public ConsultationParty Party { get; set; }

    public int? WorkingDays { get; set; }

    public string? Reason { get; set; }

    public decimal? Amount { get; set; }

    public CaseOutcome? Outcome { get; set; }
}
