using System.Globalization;
using Gongkai.Application.Cases;
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

using NotFoundError = Gongkai.Domain.Results.NotFound;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>
/// A case, guided: its state, its clock in words (剩余N个工作日 / 已超期N个工作日) and the steps the Regulation allows
/// now (asked of the domain, <see cref="CaseSteps.Allowed"/>), the expected one first and open; each step's form opens
/// in place and shows its error beside its fields. 公开办 records the steps; a leader approves extensions (Art. 33); a
/// liaison gives the department's 承办意见 on the cases of their department; the supervisor reads.
/// </summary>
[RequestSizeLimit(ReplyUploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = ReplyUploadLimit)]
public sealed class ShowModel(
    CurrentAgency agency, UserManager<StaffUser> users, ShowCase showCase,
    RecordCaseStep record, ReplyToCase replyToCase, LookUpReply lookUpReply, RequestExtension requestExtension, DecideExtension decideExtension, GenerateNotice generateNotice,
    SendFeeNotice sendFeeNotice, DeliverReply deliverReply) : PageModel
{
    private CaseView _view = null!;

    public CaseRecord Record => _view.Record;

    public ApplicationCase Case => _view.Case;

    public IReadOnlyList<CaseEventRecord> History => _view.History;

    public IReadOnlyList<DepartmentRecord> Departments => _view.Departments;

    public IReadOnlyList<ExtensionRequestRecord> Extensions => _view.Extensions;

    public IReadOnlyList<CaseNoticeRecord> Notices => _view.Notices;

    public DateOnly Today => _view.Today;

    public ClockReading Clock => _view.Clock;

    /// <summary>N of 临近期限: the agency's 提前提醒的工作日数, as on the work list and the staff home.</summary>
    public int DueSoonDays => _view.DueSoonDays;

    public decimal SuggestedFee => _view.SuggestedFee;

    /// <summary>收费: the fee as it would be charged with the method (and pages) in the form, with its bands; null until computable.</summary>
    public FeeQuote? FeeQuote { get; private set; }

    /// <summary>The reply's text drafted from each outcome's template (while a reply is allowed).</summary>
    public IReadOnlyDictionary<CaseOutcome, string> ReplyDrafts => _view.ReplyDrafts;

    /// <summary>The reply as sent (text and documents), once replied through this page.</summary>
    public ReplyShown? Reply => _view.Reply;

    /// <summary>The files sent with the reply (the information given).</summary>
    [BindProperty]
    public List<IFormFile> Documents { get; set; } = [];

    /// <summary>部分公开 (Art. 37): the copies with the withheld parts removed.</summary>
    [BindProperty]
    public List<IFormFile> RedactedDocuments { get; set; } = [];

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

    /// <summary>The steps this person may take now, the expected one first (an extension already awaiting a leader is not offered again).</summary>
    public IReadOnlyList<AllowedStep> Actions => [.. _view.Allowed.Where(a => a.Step switch
    {
        CaseStep.GiveOpinion => CanGiveOpinion,
        CaseStep.RequestExtension => CanAct && !Extensions.Any(e => e.Status == ExtensionRequestStatus.Pending),
        _ => CanAct,
    })];

    /// <summary>The step whose form is open: the one just refused, the one asked for (?action=…), or the expected one.</summary>
    public string? OpenAction { get; private set; }

    /// <summary>The refusal of the step just tried, shown in its form; <see cref="ErrorField"/> names the field it concerns, if one.</summary>
    public string? StepError { get; private set; }

    public string? ErrorField { get; private set; }

    [BindProperty]
    public StepInput Step { get; set; } = new();

    /// <summary>The case's version on the page the person decided from; every step form posts it (checked by the database).</summary>
    [BindProperty]
    public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, string? action, [FromServices] LocateCase locate, [FromServices] StaffContext staff, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            // A case of another agency the person works for (a link in the daily reminder): say which one to switch to.
            var theirs = await ElsewhereModel.TheirAgenciesAsync(staff, User, cancellationToken);
            return (await locate.ExecuteAsync(new LocateCaseRequest(id, theirs), cancellationToken)).Value is { } elsewhere
                ? RedirectToPage("/Staff/Cases/Elsewhere", new { id = elsewhere.CaseId })
                : NotFound();
        }

        StepError = TempData["StepError"] as string;
        ErrorField = TempData["StepField"] as string;
        OpenAction = TempData["StepAction"] as string
            ?? (action is not null && Enum.TryParse<CaseStep>(action, ignoreCase: true, out var asked) && Actions.Any(a => a.Step == asked) ? asked.ToString() : null)
            ?? Actions.FirstOrDefault(a => a.Expected)?.Step.ToString();
        if (TempData["StepValues"] is string kept)
        {
            Restore(kept);
        }

        if (Actions.Any(a => a.Step == CaseStep.SendFeeNotice))
        {
            var current = await agency.GetAsync(cancellationToken);
            FeeQuote = (await sendFeeNotice.QuoteAsync(FeeRequest(current.Id, id), cancellationToken)).Value;
        }

        return Page();
    }

    public Task<IActionResult> OnPostSupplementRequestAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, CaseStep.RequestSupplement, Step.RespondBy is null ? ("补正期限", nameof(StepInput.RespondBy)) : null,
            (date, actor) => new SupplementRequested(date, actor, Step.RespondBy!.Value));

    public Task<IActionResult> OnPostSupplementReceivedAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, CaseStep.ReceiveSupplement, null, (date, actor) => new SupplementReceived(date, actor));

    public Task<IActionResult> OnPostSupplementLapsedAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, CaseStep.LapseSupplement, null, (date, actor) => new SupplementLapsed(date, actor));

    public Task<IActionResult> OnPostAssignAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, CaseStep.Assign,
            Step.DepartmentId is null ? ("承办科室", nameof(StepInput.DepartmentId)) : null, (date, actor) =>
            Case.Department is null ? new Assigned(date, actor, Dept(Step.DepartmentId!.Value)) : new Transferred(date, actor, Dept(Step.DepartmentId!.Value)));

    public Task<IActionResult> OnPostConsultStartAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, CaseStep.StartConsultation, null, (date, actor) => new ConsultationStarted(date, actor, Step.Party));

    public Task<IActionResult> OnPostConsultEndAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, CaseStep.EndConsultation, null, (date, actor) => new ConsultationEnded(date, actor));

    /// <summary>收费 (Art. 42; 国办函〔2020〕109号 Arts. 3–5): computes the fee for the method and pages chosen and shows it with its bands, recording nothing.</summary>
    public async Task<IActionResult> OnPostFeeQuoteAsync(long id, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        var quote = await sendFeeNotice.QuoteAsync(FeeRequest(current.Id, id), cancellationToken);
        return quote.Error switch
        {
            null => Keep(id, CaseStep.SendFeeNotice),
            NotFoundError => NotFound(),
            Refused refused => Refuse(id, CaseStep.SendFeeNotice, refused.Message, refused.Field),
            var error => Refuse(id, CaseStep.SendFeeNotice, Message(error), null),
        };
    }

    /// <summary>收费通知: records the fee computed on the server, once the officer has seen it (the amount shown must still be the amount).</summary>
    public async Task<IActionResult> OnPostFeeNoticeAsync(long id, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await sendFeeNotice.ExecuteAsync(FeeRequest(current.Id, id) with { ConfirmedAmount = Step.Amount }, cancellationToken);
        return result.Error switch
        {
            null => Done(id, $"已记录：发出收费通知（{Gongkai.Domain.Applications.FeeQuote.Yuan(result.Value!.Case.Fee!.AmountYuan)}元）。可在“生成告知书”中生成收费通知书。"),
            NotFoundError => NotFound(),
            Refused { Field: { } field } refused => Refuse(id, CaseStep.SendFeeNotice, Message(refused), field),
            var error => Refuse(id, CaseStep.SendFeeNotice, Message(error), null),
        };
    }

    private SendFeeNoticeRequest FeeRequest(int agencyId, long id) =>
        new(agencyId, id, Version, Step.Date, User.Identity!.Name!, Step.Method ?? FeeMethod.PerApplication, Step.Method == FeeMethod.PerPage ? Step.Pages : null);

    public Task<IActionResult> OnPostFeePaidAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, CaseStep.RecordFeePaid, null, (date, actor) => new FeePaid(date, actor));

    public Task<IActionResult> OnPostFeeLapsedAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, CaseStep.LapseFee, null, (date, actor) => new FeeLapsed(date, actor));

    /// <summary>答复 (Arts. 36, 37): the outcome, the reply's text and the documents sent with it, all or none.</summary>
    public async Task<IActionResult> OnPostReplyAsync(long id, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var files = new List<ReplyDocument>();
        foreach (var (file, redacted) in Documents.Select(f => (f, false)).Concat(RedactedDocuments.Select(f => (f, true))).Where(x => x.f.FileName.Length > 0))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            files.Add(new ReplyDocument(file.FileName, buffer.ToArray(), redacted));
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await replyToCase.ExecuteAsync(
            new ReplyToCaseRequest(current.Id, id, Version, Step.Date, User.Identity!.Name!, Step.Outcome, Step.ReplyText, files, Delivery: Step.Delivery), cancellationToken);
        return result.Error switch
        {
            null => Done(id, "已记录：答复。" + (files.Count > 0 ? $"随答复提供{files.Count}个文件。" : string.Empty)
                + (result.Value!.Case.DeliveredOn is not null ? "答复书和文件已通过电子邮件发送给申请人，并记录送达。" : string.Empty)),
            NotFoundError => NotFound(),
            Refused { Field: { } field } refused => Refuse(id, CaseStep.Reply, Message(refused), field),
            var error => Refuse(id, CaseStep.Reply, Message(error), null),
        };
    }

    /// <summary>A document sent with the reply, for the office.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(long id, long documentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await lookUpReply.DocumentAsync(current.Id, id, documentId, cancellationToken);
        return result.Value is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();
    }

    /// <summary>The largest reply upload: 20 files of the attachment limit, with room for the form.</summary>
    public const long ReplyUploadLimit = (ReplyToCase.MaxDocuments * Gongkai.Domain.Disclosure.AttachmentRules.DefaultMaxBytes) + (1024 * 1024);

    /// <summary>送达: recorded; by e-mail, the reply (答复书 PDF and DOCX, and its documents) is sent to the applicant.</summary>
    public async Task<IActionResult> OnPostDeliverAsync(long id, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await deliverReply.ExecuteAsync(new DeliverReplyRequest(current.Id, id, Version, Step.Date, User.Identity!.Name!, Step.Reason), cancellationToken);
        return result.Error switch
        {
            null => Done(id, Step.Reason?.Trim() == DeliverReply.Email ? "已通过电子邮件发送答复书和文件，并记录送达。" : "已记录：送达。"),
            NotFoundError => NotFound(),
            Refused { Field: "Method" } refused => Refuse(id, CaseStep.Deliver, Message(refused), nameof(StepInput.Reason)),
            Refused { Field: { } field } refused => Refuse(id, CaseStep.Deliver, Message(refused), field),
            var error => Refuse(id, CaseStep.Deliver, Message(error), null),
        };
    }

    public Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, CaseStep.Withdraw, null, (date, actor) => new Withdrawn(date, actor));

    /// <summary>Art. 35: a reasonable later reply date for an excessive but reasonable application, with the reason.</summary>
    public Task<IActionResult> OnPostReasonableDeadlineAsync(long id, CancellationToken ct) =>
        RecordAsync(id, ct, CaseStep.SetReasonableDeadline,
            Step.ReplyBy is null ? ("合理答复期限", nameof(StepInput.ReplyBy)) : string.IsNullOrWhiteSpace(Step.Reason) ? ("理由", nameof(StepInput.Reason)) : null,
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
            return Refuse(id, CaseStep.GiveOpinion, "承办意见：必填（查找结果和答复建议）", nameof(StepInput.Reason));
        }

        if (Step.Reason.Trim().Length > 2000)
        {
            return Refuse(id, CaseStep.GiveOpinion, "承办意见：不应超过2000字", nameof(StepInput.Reason));
        }

        var opinion = new DepartmentOpinion(Step.Date ?? Today, User.Identity!.Name!, Case.Department!, Step.Reason.Trim(), Step.Outcome);
        var current = await agency.GetAsync(cancellationToken);
        var result = await record.ExecuteAsync(new RecordCaseStepRequest(current.Id, id, Version, opinion), cancellationToken);
        return result.Succeeded ? Done(id, "已记录承办意见，公开办据此答复。") : Refuse(id, CaseStep.GiveOpinion, Message(result.Error!), null);
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
            null => Done(id, "延期申请已提交，待领导审批。"),
            NotFoundError => NotFound(),
            Refused refused => Refuse(id, CaseStep.RequestExtension, refused.Message, FieldOf(refused)),
            var error => Refuse(id, CaseStep.RequestExtension, error.Message, null),
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
            null => Done(id, approve ? "已批准延期。" : "已不同意延期。"),
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
            null => Done(id, $"已生成：{result.Value!.Title}。"),
            NotFoundError => NotFound(),
            var error => Refuse(id, null, error.Message, "Notice"),
        };
    }

    /// <summary>The form's field an error names, for the fields the step forms have.</summary>
    private static string? FieldOf(Refused refused) => refused.Field switch
    {
        null => null,
        var f when f.Contains("Days", StringComparison.OrdinalIgnoreCase) => nameof(StepInput.WorkingDays),
        var f when f.Contains("Reason", StringComparison.OrdinalIgnoreCase) => nameof(StepInput.Reason),
        var f => f,
    };

    private static string Dept(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Checks the role and the form, then lets the case store apply the step; <paramref name="missing"/> names a
    /// required field left empty (its label and its input). Refusals come back to the step's own form.
    /// </summary>
    private async Task<IActionResult> RecordAsync(long id, CancellationToken cancellationToken, CaseStep action, (string Label, string Field)? missing, Func<DateOnly, string, CaseEvent> make)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (action == CaseStep.Assign && Case.Department is not null)
        {
            action = CaseStep.Transfer;
        }

        if (Step.Date is not { } date)
        {
            return Refuse(id, action, "日期：必填", nameof(StepInput.Date));
        }

        if (Step.DepartmentId is { } d && !Departments.Any(x => x.Id == d))
        {
            return Refuse(id, action, "承办科室：不存在", nameof(StepInput.DepartmentId));
        }

        if (missing is { } m)
        {
            return Refuse(id, action, $"{m.Label}：必填", m.Field);
        }

        var step = make(date, User.Identity!.Name!);
        var current = await agency.GetAsync(cancellationToken);
        var result = await record.ExecuteAsync(new RecordCaseStepRequest(current.Id, id, Version, step), cancellationToken);
        return result.Error switch
        {
            null => Done(id, $"已记录：{step.Name}。"),
            Refused { Field: { } field } refused => Refuse(id, action, Message(refused), field),
            var error => Refuse(id, action, Message(error), null),
        };
    }

    private static string Message(Error error) => error switch
    {
        Conflict conflict => "未记录：" + conflict.Message,
        NotFoundError => "未找到该案件",
        _ => "未记录：" + error.Message,
    };

    private RedirectResult Done(long id, string message) => Back(id, message: message);

    /// <summary>Back to the case with the step's form open and the refusal beside <paramref name="field"/> (or at the form's head); what was typed is kept.</summary>
    private RedirectResult Refuse(long id, CaseStep? action, string error, string? field)
    {
        TempData["StepError"] = error;
        TempData["StepAction"] = action?.ToString() ?? "Notice";
        if (field is not null)
        {
            TempData["StepField"] = field;
        }

        // A long reply text is not carried back (TempData travels in a cookie); the draft is shown again instead.
        var kept = Step.ReplyText is { Length: > 1000 } ? new StepInput { Date = Step.Date, Outcome = Step.Outcome, Reason = Step.Reason } : Step;
        TempData["StepValues"] = System.Text.Json.JsonSerializer.Serialize(kept);
        return Redirect($"/staff/cases/{id}");
    }

    /// <summary>Back to the case with the step's form open and what was typed kept (no error: e.g. a fee computed for checking).</summary>
    private RedirectResult Keep(long id, CaseStep action)
    {
        TempData["StepAction"] = action.ToString();
        TempData["StepValues"] = System.Text.Json.JsonSerializer.Serialize(Step);
        return Redirect($"/staff/cases/{id}");
    }

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

    /// <summary>What the person had typed into the refused form, so they correct rather than retype it.</summary>
    private void Restore(string json)
    {
        if (System.Text.Json.JsonSerializer.Deserialize<StepInput>(json) is { } typed)
        {
            Step = typed;
            Defaults();
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var seesAll = User.IsInRole(StaffRoles.DisclosureOfficer) || User.IsInRole(StaffRoles.Administrator)
            || User.IsInRole(StaffRoles.ApprovingLeader) || User.IsInRole(StaffRoles.Supervisor);
        MyDepartmentId = (await users.GetUserAsync(User))?.DepartmentId;
        var result = await showCase.ExecuteAsync(new ShowCaseRequest(current.Id, id, seesAll, MyDepartmentId, users.GetUserId(User)), cancellationToken);
        if (result.Value is not { } view)
        {
            return false;
        }

        _view = view;
        Defaults();
        return true;
    }

    /// <summary>Today for the dates, a 10-working-day 补正 period, 20 days' extension.</summary>
    private void Defaults()
    {
        Step.Date ??= Today;
        Step.RespondBy ??= Case.Calendar.AddWorkingDays(Today, 10);
        Step.WorkingDays ??= 20;
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

    /// <summary>收费: the amount the officer saw and confirms (the fee is computed again; a different result is refused).</summary>
    public decimal? Amount { get; set; }

    /// <summary>收费: 按件 or 按量 (国办函〔2020〕109号 Art. 3).</summary>
    public FeeMethod? Method { get; set; }

    /// <summary>收费, 按量: the pages provided.</summary>
    public int? Pages { get; set; }

    public CaseOutcome? Outcome { get; set; }

    /// <summary>答复正文 (blank: the draft of the outcome's template).</summary>
    public string? ReplyText { get; set; }

    /// <summary>答复: 送达 by e-mail now (电子邮件) or later (其他); blank: the default for the applicant.</summary>
    public string? Delivery { get; set; }
}
