namespace Gongkai.Domain.Applications;

/// <summary>
/// Something that happened to an application case, on a statutory date, done by a member of staff
/// (<see cref="ActorId"/>). A case is its list of events; its state and every due date are derived from them.
/// </summary>
public abstract record CaseEvent(DateOnly Date, string ActorId)
{
    /// <summary>The event's name in Chinese, for messages.</summary>
    public abstract string Name { get; }
}

/// <summary>
/// 登记 (Arts. 29, 31): the application arrived on <see cref="CaseEvent.Date"/> (handed in, signed for, reached the
/// office or the mail system). For channels whose date of receipt is a confirmation with the applicant
/// (<see cref="ReceiptRules.RequiresConfirmation"/>), <paramref name="ConfirmedOn"/> is that date and is required.
/// </summary>
public sealed record Registered(DateOnly Date, string ActorId, ApplicantType Applicant, Channel Channel, DateOnly? ConfirmedOn = null)
    : CaseEvent(Date, ActorId)
{
    public override string Name => "登记申请";
}

/// <summary>
/// 补正告知 (Art. 30): within 7 working days of receipt, one single notice of what to supplement, with a reasonable
/// period: the applicant must supplement by <paramref name="RespondBy"/>.
/// </summary>
public sealed record SupplementRequested(DateOnly Date, string ActorId, DateOnly RespondBy) : CaseEvent(Date, ActorId)
{
    public override string Name => "告知补正";
}

/// <summary>收到补正 (Art. 30): the reply deadline runs afresh from this date.</summary>
public sealed record SupplementReceived(DateOnly Date, string ActorId) : CaseEvent(Date, ActorId)
{
    public override string Name => "收到补正材料";
}

/// <summary>逾期不补正 (Art. 30): the period ran out without good reason; the application is deemed abandoned.</summary>
public sealed record SupplementLapsed(DateOnly Date, string ActorId) : CaseEvent(Date, ActorId)
{
    public override string Name => "逾期不补正";
}

/// <summary>Who is consulted: a third party (Art. 32) or another agency (Art. 34).</summary>
public enum ConsultationParty
{
    /// <summary>第三方 (Art. 32).</summary>
    ThirdParty,

    /// <summary>其他机关 (Art. 34).</summary>
    OtherAgency,
}

/// <summary>
/// 征求意见 (Arts. 32, 34): the consultation letter went out; the time until <see cref="ConsultationEnded"/> does not
/// count toward the Art. 33 deadline. The consulted party has 15 working days to answer.
/// </summary>
public sealed record ConsultationStarted(DateOnly Date, string ActorId, ConsultationParty Party) : CaseEvent(Date, ActorId)
{
    public override string Name => "征求意见";
}

/// <summary>征求意见结束 (Arts. 32, 34): the answer came, or the 15 working days ran out.</summary>
public sealed record ConsultationEnded(DateOnly Date, string ActorId) : CaseEvent(Date, ActorId)
{
    public override string Name => "征求意见结束";
}

/// <summary>
/// 延期答复 (Art. 33): once, at most 20 working days, with the consent of the head of the disclosure office
/// (<paramref name="ApproverId"/>) and notice to the applicant.
/// </summary>
public sealed record Extended(DateOnly Date, string ActorId, int WorkingDays, string ApproverId) : CaseEvent(Date, ActorId)
{
    public override string Name => "延期答复";
}

/// <summary>
/// 收费通知 (Art. 42; 国办函〔2020〕109号, docs/legal.md §3): sent within the processing period; the applicant pays within
/// 20 working days from the day after receiving it (<paramref name="NoticeReceivedOn"/>; when unknown, the day sent).
/// <paramref name="Method"/>, <paramref name="Quantity"/> and <paramref name="Basis"/> say how the amount was computed
/// (按件: the application's place in the applicant's month; 按量: the pages) and the bands, in words, for the notice and
/// the applicant's status page; absent for fees recorded before they were kept.
/// </summary>
public sealed record FeeNoticeSent(DateOnly Date, string ActorId, decimal AmountYuan, DateOnly? NoticeReceivedOn = null,
    FeeMethod? Method = null, int? Quantity = null, string? Basis = null)
    : CaseEvent(Date, ActorId)
{
    public override string Name => "发出收费通知";
}

/// <summary>缴费 (docs/legal.md §3): paid within the period; processing resumes.</summary>
public sealed record FeePaid(DateOnly Date, string ActorId) : CaseEvent(Date, ActorId)
{
    public override string Name => "缴纳费用";
}

/// <summary>逾期未缴费 (docs/legal.md §3): not paid in time; the application is deemed abandoned.</summary>
public sealed record FeeLapsed(DateOnly Date, string ActorId) : CaseEvent(Date, ActorId)
{
    public override string Name => "逾期未缴费";
}

/// <summary>分办 (Art. 45: internal handling rules): the case goes to a department to prepare the reply.</summary>
public sealed record Assigned(DateOnly Date, string ActorId, string DepartmentId) : CaseEvent(Date, ActorId)
{
    public override string Name => "分办";
}

/// <summary>
/// 指定承办人: the office names the one member of staff who handles the case (<paramref name="HandlerId"/>, their account's id;
/// <paramref name="HandlerName"/> their display name when assigned, kept so the history reads without a look-up), or
/// takes the case back (both null). The Regulation leaves the agency's internal handling to itself (Art. 45; the
/// disclosure office organises the work, Art. 4); the clock is not affected. It is an event of the case, not a column
/// the page writes, because the case is event-sourced: every assignment then sits in the one history with who assigned
/// whom and when, carries the version check of every step, and the projected column <c>cases.handler_id</c> is derived
/// from the events like the status and the department.
/// </summary>
public sealed record HandlerAssigned(DateOnly Date, string ActorId, string? HandlerId, string? HandlerName) : CaseEvent(Date, ActorId)
{
    public override string Name => HandlerId is null ? "取消承办人" : "指定承办人";
}

/// <summary>转办 (Art. 45): the case moves from its department to another; the clock is not affected.</summary>
public sealed record Transferred(DateOnly Date, string ActorId, string ToDepartmentId) : CaseEvent(Date, ActorId)
{
    public override string Name => "转办";
}

/// <summary>
/// 确定合理期限 (Art. 35): the applications clearly exceed a reasonable number or frequency, the applicant's reasons are
/// reasonable, and the Art. 33 deadline cannot be met — the agency sets a reasonable later reply date and tells the
/// applicant. That date then replaces the Art. 33 deadline.
/// </summary>
public sealed record ReasonableDeadlineSet(DateOnly Date, string ActorId, DateOnly ReplyBy, string Reason) : CaseEvent(Date, ActorId)
{
    public override string Name => "确定合理答复期限";
}

/// <summary>
/// 承办意见 (Art. 45: the agency's internal handling): the department the case is assigned to reports what it found and
/// which reply it proposes; 公开办 then replies. The clock is not affected; a later opinion supersedes an earlier one.
/// </summary>
public sealed record DepartmentOpinion(DateOnly Date, string ActorId, string DepartmentId, string Opinion, CaseOutcome? Proposed = null) : CaseEvent(Date, ActorId)
{
    public override string Name => "承办意见";
}

/// <summary>答复 (Arts. 33, 36–39): the reply was given on this date with this outcome; the case is closed.</summary>
public sealed record Replied(DateOnly Date, string ActorId, CaseOutcome Outcome) : CaseEvent(Date, ActorId)
{
    public override string Name => "答复";
}

/// <summary>
/// 送达: the reply reached the applicant (by post signed for, e-mail, in person…) on this date, by
/// <paramref name="Method"/>. Recorded once, after the reply; it does not change the outcome or the closing date
/// (Art. 33 measures the reply by the day it was given), but the record shows when the applicant had it.
/// </summary>
public sealed record Delivered(DateOnly Date, string ActorId, string Method) : CaseEvent(Date, ActorId)
{
    public override string Name => "送达";
}

/// <summary>撤回: the applicant withdrew the application; the case is closed as 其他 (三（六）).</summary>
public sealed record Withdrawn(DateOnly Date, string ActorId) : CaseEvent(Date, ActorId)
{
    public override string Name => "撤回申请";
}

/// <summary>
/// 台账导入: the case was closed before Gongkai kept it, and the agency's ledger records only how and when it ended
/// (<paramref name="Outcome"/>, any outcome including 逾期不补正 and 逾期未缴费). The history says so rather than
/// inventing the steps in between; <paramref name="Source"/> names the ledger file and row.
/// </summary>
public sealed record ClosedFromLedger(DateOnly Date, string ActorId, CaseOutcome Outcome, string Source) : CaseEvent(Date, ActorId)
{
    public override string Name => "按台账办结";
}
