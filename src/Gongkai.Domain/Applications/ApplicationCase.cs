using Gongkai.Domain.Calendar;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Applications;

/// <summary>
/// One 依申请公开 case (Arts. 27–45), event-sourced: its state and every due date are derived from its
/// <see cref="Events"/> and the <see cref="Calendar"/>, so a calendar correction (<see cref="WithCalendar"/>) moves
/// the due dates of every open case. Immutable: <see cref="Apply"/> returns a new case or a refusal.
/// </summary>
public sealed class ApplicationCase
{
    private readonly CaseEvent[] _events;
    private readonly State _state;

    private ApplicationCase(string id, CaseEvent[] events, IWorkingDayCalendar calendar, CaseRules rules)
    {
        Id = id;
        _events = events;
        Calendar = calendar;
        Rules = rules;
        _state = State.Fold(events, calendar, rules);
    }

    /// <summary>The case's identifier (e.g. its registration number).</summary>
    public string Id { get; }

    /// <summary>Everything that happened, in order.</summary>
    public IReadOnlyList<CaseEvent> Events => _events;

    /// <summary>The working-day calendar the clock runs on.</summary>
    public IWorkingDayCalendar Calendar { get; }

    /// <summary>The configurable (U/P) points of the clock.</summary>
    public CaseRules Rules { get; }

    /// <summary>Where the case stands.</summary>
    public CaseStatus Status => _state.Status;

    /// <summary>How the case was closed, once closed.</summary>
    public CaseClosure? Closure => _state.Closure;

    /// <summary>Who applied (the report column).</summary>
    public ApplicantType? Applicant => _state.Applicant;

    /// <summary>How the application arrived.</summary>
    public Channel? Channel => _state.Channel;

    /// <summary>The day the application arrived (handed in, signed for, reached the office).</summary>
    public DateOnly? ArrivedOn => _state.ArrivedOn;

    /// <summary>收到申请之日 (Art. 31): the date of receipt by the channel's rule. The report counts the case in this year.</summary>
    public DateOnly? ReceivedOn => _state.ReceivedOn;

    /// <summary>
    /// The day the 20 working days run from (Arts. 30, 33): the date of receipt, or the day the supplement was
    /// received after a 补正 notice.
    /// </summary>
    public DateOnly? ClockStartsOn => _state.ClockStartsOn;

    /// <summary>补正 (Art. 30): the last day the agency may send the 补正 notice (7 working days after receipt).</summary>
    public DateOnly? SupplementNoticeDeadline =>
        _state.ReceivedOn is { } received ? Calendar.AddWorkingDays(received, StatutoryPeriods.SupplementNotice) : null;

    /// <summary>补正 (Art. 30): the day the notice was sent, if any.</summary>
    public DateOnly? SupplementRequestedOn => _state.SupplementRequestedOn;

    /// <summary>补正 (Art. 30): the period the notice gave the applicant.</summary>
    public DateOnly? SupplementDue => _state.SupplementDue;

    /// <summary>补正 (Art. 30): the day the supplemented application was received.</summary>
    public DateOnly? SupplementReceivedOn => _state.SupplementReceivedOn;

    /// <summary>Arts. 32–34: the stretches during which the clock stood still, since it last (re)started.</summary>
    public IReadOnlyList<ClockPause> Pauses => _state.Pauses;

    /// <summary>延期答复 (Art. 33), if granted.</summary>
    public Extension? Extension => _state.Extension;

    /// <summary>收费 (docs/legal.md §3), if a fee notice was sent.</summary>
    public FeeNotice? Fee => _state.Fee;

    /// <summary>承办人: the account id of the member of staff the case is assigned to (<see cref="HandlerAssigned"/>), if any.</summary>
    public string? Handler => _state.Handler;

    /// <summary>The department handling the case (分办/转办).</summary>
    public string? Department => _state.Department;

    /// <summary>The outcome, once closed.</summary>
    public CaseOutcome? Outcome => _state.Outcome;

    /// <summary>The day the case was closed (reply, lapse or withdrawal).</summary>
    public DateOnly? ClosedOn => _state.ClosedOn;

    /// <summary>送达: the day the reply reached the applicant, once recorded.</summary>
    public DateOnly? DeliveredOn => _state.DeliveredOn;

    /// <summary>Art. 35: the reasonable later reply date set for this case, if any.</summary>
    public DateOnly? ReasonableReplyBy => _state.ReasonableReplyBy;

    /// <summary>承办意见: the latest opinion of the assigned department, if it gave one.</summary>
    public DepartmentOpinion? Opinion => _state.Opinion;

    /// <summary>
    /// Arts. 32, 34: the day the consulted party's 15 working days run out, while a consultation is open (counted from
    /// the day the letter was sent, as the agency does not always learn when it arrived).
    /// </summary>
    public DateOnly? ConsultationAnswerDue =>
        Status == CaseStatus.InConsultation && _state.Pauses.LastOrDefault() is { To: null } pause
            ? Calendar.AddWorkingDays(pause.From, StatutoryPeriods.ConsultationAnswer)
            : null;

    /// <summary>
    /// 答复期限 (Art. 33): the 20th working day after <see cref="ClockStartsOn"/>, plus the working days excluded by
    /// consultations (Arts. 32, 34) and, when <see cref="CaseRules.FeeTimeStopsClock"/>, by the fee notice, plus the
    /// extension. Null while the clock is not running or stands still (awaiting a 补正, or paused): then
    /// <see cref="ReplyDueAsOf"/> gives the due date if the pause ended on a given day.
    /// </summary>
    public DateOnly? ReplyDue => _state.Pauses.Any(p => p.To is null) ? null : ReplyDueAsOf(_state.ClockStartsOn ?? default);

    /// <summary>
    /// 答复期限 (Art. 33) as of <paramref name="asOf"/>: an open pause counts as ending that day. Null before
    /// registration and while awaiting a 补正 (Art. 30: the clock restarts on the supplement).
    /// </summary>
    public DateOnly? ReplyDueAsOf(DateOnly asOf)
    {
        if (_state.ClockStartsOn is not { } start || Status is CaseStatus.NotRegistered or CaseStatus.AwaitingSupplement)
        {
            return null;
        }

        if (_state.ReasonableReplyBy is { } reasonable)
        {
            // Art. 35: the reasonable later date the agency set and told the applicant replaces the Art. 33 deadline.
            return reasonable;
        }

        var days = StatutoryPeriods.Reply + (_state.Extension?.WorkingDays ?? 0);
        foreach (var pause in _state.Pauses)
        {
            days += Calendar.CountWorkingDays(pause.From, pause.To ?? asOf);
        }

        return Calendar.AddWorkingDays(start, days);
    }

    /// <summary>Art. 33: whether the case is open and <paramref name="today"/> is after its reply deadline.</summary>
    public bool IsOverdue(DateOnly today) =>
        Status is CaseStatus.Open or CaseStatus.InConsultation or CaseStatus.AwaitingFee
        && ReplyDueAsOf(today) is { } due && today > due;

    /// <summary>Art. 33: whether the case was replied to after its deadline.</summary>
    public bool RepliedLate => Closure == CaseClosure.Replied && ClosedOn > ReplyDue;

    /// <summary>A new, empty case (status <see cref="CaseStatus.NotRegistered"/>).</summary>
    public static ApplicationCase New(string id, IWorkingDayCalendar calendar, CaseRules? rules = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(calendar);
        return new ApplicationCase(id, [], calendar, rules ?? CaseRules.Default);
    }

    /// <summary>
    /// A case from its stored history, derived afresh on the given calendar and rules, without checking the events
    /// again (they were checked when recorded). This is how a calendar correction reaches every open case.
    /// </summary>
    public static ApplicationCase Rehydrate(string id, IEnumerable<CaseEvent> events, IWorkingDayCalendar calendar, CaseRules? rules = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(calendar);
        return new ApplicationCase(id, [.. events], calendar, rules ?? CaseRules.Default);
    }

    /// <summary>A case from untrusted events (e.g. a ledger import): each event is applied and checked in turn.</summary>
    public static CaseStepResult Replay(string id, IEnumerable<CaseEvent> events, IWorkingDayCalendar calendar, CaseRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var current = New(id, calendar, rules);
        foreach (var e in events)
        {
            var result = current.Apply(e);
            if (!result.TryGetCase(out current))
            {
                return result;
            }
        }

        return new StepAccepted(current);
    }

    /// <summary>The same history on another calendar (e.g. after the holiday data was corrected).</summary>
    public ApplicationCase WithCalendar(IWorkingDayCalendar calendar) => Rehydrate(Id, _events, calendar, Rules);

    /// <summary>Records an event if the Regulation allows it now; otherwise a <see cref="StepRefused"/> with the reason.</summary>
    public CaseStepResult Apply(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Check(e) is { } reason
            ? new StepRefused(e, reason)
            : new StepAccepted(new ApplicationCase(Id, [.. _events, e], Calendar, Rules));
    }

    private string? Check(CaseEvent e)
    {
        if (string.IsNullOrWhiteSpace(e.ActorId))
        {
            return $"{e.Name}须记录经办人";
        }

        if (e is Delivered delivered)
        {
            return CheckDelivered(delivered);
        }

        if (Status == CaseStatus.Closed)
        {
            return ClosedReason(e);
        }

        if (e is Registered registered)
        {
            return Status != CaseStatus.NotRegistered
                ? $"本申请已于{DateText.Iso(_state.ArrivedOn!.Value)}登记，不能重复登记"
                : ReceiptRules.MissingReceipt(registered.Channel, registered.Date, registered.ConfirmedOn, Rules)
                    ?? CheckDefined(registered);
        }

        if (Status == CaseStatus.NotRegistered)
        {
            return $"申请尚未登记，不能{e.Name}";
        }

        if (e.Date < _state.LastEventDate)
        {
            return $"{e.Name}日期{DateText.Iso(e.Date)}早于上一事件日期{DateText.Iso(_state.LastEventDate!.Value)}，请按时间顺序记录";
        }

        if (e.Date < _state.ReceivedOn)
        {
            return $"{e.Name}日期{DateText.Iso(e.Date)}早于收到申请之日{DateText.Iso(_state.ReceivedOn!.Value)}（第三十一条）";
        }

        return e switch
        {
            SupplementRequested x => CheckSupplementRequested(x),
            SupplementReceived => Status == CaseStatus.AwaitingSupplement ? null : "本申请没有待补正的告知，不能记录收到补正材料",
            SupplementLapsed x => CheckSupplementLapsed(x),
            ConsultationStarted x => RequireOpen(x) ?? (Enum.IsDefined(x.Party) ? null : "征求意见对象无效"),
            ConsultationEnded => Status == CaseStatus.InConsultation ? null : "本申请没有正在进行的征求意见，不能记录征求意见结束",
            Extended x => CheckExtended(x),
            FeeNoticeSent x => CheckFeeNotice(x),
            FeePaid x => CheckFeePaid(x),
            FeeLapsed x => CheckFeeLapsed(x),
            Assigned x => string.IsNullOrWhiteSpace(x.DepartmentId) ? "分办须指定承办部门" : null,
            Transferred x => CheckTransferred(x),
            HandlerAssigned x => CheckHandler(x),
            DepartmentOpinion x => CheckOpinion(x),
            ReasonableDeadlineSet x => CheckReasonableDeadline(x),
            Replied x => CheckReplied(x),
            Withdrawn => null,
            ClosedFromLedger x => Enum.IsDefined(x.Outcome) ? null : "办理结果无效",
            _ => $"不支持的事件类型{e.GetType().Name}",
        };
    }

    /// <summary>
    /// Art. 35: a reasonable later date, set once, with the reason, while the clock runs and before the Art. 33
    /// deadline has passed; it must be later than that deadline (otherwise Art. 33 suffices).
    /// </summary>
    private string? CheckReasonableDeadline(ReasonableDeadlineSet e)
    {
        if (RequireOpen(e) is { } notOpen)
        {
            return notOpen;
        }

        if (_state.ReasonableReplyBy is { } earlier)
        {
            return $"本申请已于此前确定合理答复期限{DateText.Iso(earlier)}（第三十五条），不能再次确定";
        }

        if (string.IsNullOrWhiteSpace(e.Reason))
        {
            return "确定合理期限须说明理由（第三十五条：申请数量、频次明显超过合理范围，且理由合理）";
        }

        var due = ReplyDueAsOf(e.Date);
        if (due is { } d && e.Date > d)
        {
            return $"答复期限已于{DateText.Iso(d)}届满，不能再确定更晚的期限（第三十五条须在期限内告知）";
        }

        return due is { } current && e.ReplyBy <= current
            ? $"合理期限{DateText.Iso(e.ReplyBy)}不晚于现在的答复期限{DateText.Iso(current)}，按第三十三条答复即可"
            : null;
    }

    /// <summary>指定承办人: a person named by id (or none, to take the case back), and a change.</summary>
    private string? CheckHandler(HandlerAssigned e)
    {
        if (e.HandlerId is { } id && string.IsNullOrWhiteSpace(id))
        {
            return "指定承办人须选择工作人员";
        }

        if (e.HandlerId == _state.Handler)
        {
            return e.HandlerId is null ? "本申请尚未指定承办人" : $"本申请已由{e.HandlerName ?? e.HandlerId}承办";
        }

        return null;
    }

    /// <summary>承办意见 (Art. 45): from the department the case is assigned to, with what it found.</summary>
    private string? CheckOpinion(DepartmentOpinion e)
    {
        if (_state.Department is null)
        {
            return "本申请尚未分办，没有承办科室";
        }

        if (e.DepartmentId != _state.Department)
        {
            return "承办意见须由本申请的承办科室提出";
        }

        if (string.IsNullOrWhiteSpace(e.Opinion))
        {
            return "承办意见：请填写查找结果和答复建议";
        }

        return e.Proposed is { } proposed && !Enum.IsDefined(proposed) ? "建议的办理结果无效" : null;
    }

    /// <summary>送达: only a reply is delivered, once, on or after the day it was given.</summary>
    private string? CheckDelivered(Delivered e)
    {
        if (_state.Closure != CaseClosure.Replied)
        {
            return "本申请尚未答复，不能记录送达";
        }

        if (_state.DeliveredOn is { } earlier)
        {
            return $"答复已于{DateText.Iso(earlier)}送达，不能重复记录";
        }

        if (string.IsNullOrWhiteSpace(e.Method))
        {
            return "送达须记录送达方式";
        }

        return e.Date < _state.ClosedOn
            ? $"送达日期{DateText.Iso(e.Date)}早于答复日期{DateText.Iso(_state.ClosedOn!.Value)}"
            : null;
    }

    private static string? CheckDefined(Registered e) =>
        !Enum.IsDefined(e.Applicant) ? "申请人类型无效" : !Enum.IsDefined(e.Channel) ? "申请渠道无效" : null;

    private string ClosedReason(CaseEvent e)
    {
        var closed = DateText.Iso(_state.ClosedOn!.Value);
        var why = _state.Closure switch
        {
            CaseClosure.Replied => $"本申请已于{closed}答复（{_state.Outcome!.Value.Label()}），案件已办结",
            CaseClosure.SupplementLapsed => $"申请人逾期未补正，本申请已于{closed}视为放弃（第三十条），案件已办结",
            CaseClosure.FeeLapsed => $"申请人逾期未缴纳信息处理费，本申请已于{closed}视为放弃，案件已办结",
            CaseClosure.Withdrawn => $"申请人已于{closed}撤回申请，案件已办结",
            null => "案件已办结",
        };
        return $"{why}，不能再{e.Name}";
    }

    /// <summary>Arts. 32–34, 36: steps that need the clock running (not waiting for a 补正, a consultation or a fee).</summary>
    private string? RequireOpen(CaseEvent e) => Status switch
    {
        CaseStatus.Open => null,
        CaseStatus.AwaitingSupplement => $"本申请正在等待申请人补正（期限{DateText.Iso(_state.SupplementDue!.Value)}），请先记录收到补正材料或逾期不补正，再{e.Name}",
        CaseStatus.InConsultation => $"征求意见尚未结束（第三十二条、第三十四条），请先记录征求意见结束，再{e.Name}",
        CaseStatus.AwaitingFee => $"申请人尚未缴费（缴费期限{DateText.Iso(_state.Fee!.PayBy)}），请先记录缴费或逾期未缴费，再{e.Name}",
        CaseStatus.NotRegistered => $"申请尚未登记，不能{e.Name}",
        CaseStatus.Closed => ClosedReason(e),
    };

    private string? CheckSupplementRequested(SupplementRequested e)
    {
        if (_state.SupplementRequestedOn is { } earlier)
        {
            return $"补正应一次性告知（第三十条），本申请已于{DateText.Iso(earlier)}告知补正，不能再次告知";
        }

        if (RequireOpen(e) is { } notOpen)
        {
            return notOpen;
        }

        var deadline = SupplementNoticeDeadline!.Value;
        if (e.Date > deadline)
        {
            return $"补正告知须在收到申请之日起7个工作日内作出（第三十条）：收到申请之日为{DateText.Iso(_state.ReceivedOn!.Value)}，" +
                $"告知期限至{DateText.Iso(deadline)}，而告知日期为{DateText.Iso(e.Date)}";
        }

        return e.RespondBy <= e.Date ? $"补正期限{DateText.Iso(e.RespondBy)}应晚于告知日期{DateText.Iso(e.Date)}（第三十条：合理的补正期限）" : null;
    }

    private string? CheckSupplementLapsed(SupplementLapsed e)
    {
        if (Status != CaseStatus.AwaitingSupplement)
        {
            return "本申请没有待补正的告知，不能记录逾期不补正";
        }

        return e.Date <= _state.SupplementDue
            ? $"补正期限{DateText.Iso(_state.SupplementDue!.Value)}尚未届满，不能认定逾期不补正（第三十条）"
            : null;
    }

    private string? CheckExtended(Extended e)
    {
        if (_state.ReasonableReplyBy is { } reasonable)
        {
            return $"本申请已按第三十五条确定合理答复期限{DateText.Iso(reasonable)}，不再延长";
        }

        if (_state.Extension is { } earlier)
        {
            return $"答复期限只能延长一次（第三十三条），本申请已于{DateText.Iso(earlier.On)}延长{earlier.WorkingDays}个工作日";
        }

        if (Status == CaseStatus.AwaitingSupplement)
        {
            return "本申请正在等待申请人补正，答复期限自收到补正材料之日起算（第三十条），现在不能延期";
        }

        if (e.WorkingDays < 1 || e.WorkingDays > StatutoryPeriods.MaxExtension)
        {
            return $"延长的期限最长不得超过20个工作日（第三十三条），而申请延长{e.WorkingDays}个工作日";
        }

        if (string.IsNullOrWhiteSpace(e.ApproverId))
        {
            return "延长答复期限须经政府信息公开工作机构负责人同意（第三十三条），请记录批准人";
        }

        return ReplyDueAsOf(e.Date) is { } due && e.Date > due
            ? $"答复期限已于{DateText.Iso(due)}届满，不能再延长（第三十三条）"
            : null;
    }

    private string? CheckFeeNotice(FeeNoticeSent e)
    {
        if (e.Date < Rules.FeeRulesEffectiveFrom)
        {
            return $"《政府信息公开信息处理费管理办法》自{DateText.Iso(Rules.FeeRulesEffectiveFrom)}起施行，此前不能收取信息处理费";
        }

        if (_state.Fee is { } earlier)
        {
            return $"本申请已于{DateText.Iso(earlier.SentOn)}发出收费通知，不能再次发出";
        }

        if (RequireOpen(e) is { } notOpen)
        {
            return notOpen;
        }

        if (e.AmountYuan <= 0)
        {
            return "收费金额应大于0元";
        }

        if (e.NoticeReceivedOn < e.Date)
        {
            return $"申请人收到收费通知的日期{DateText.Iso(e.NoticeReceivedOn!.Value)}早于发出日期{DateText.Iso(e.Date)}";
        }

        return ReplyDueAsOf(e.Date) is { } due && e.Date > due
            ? $"收费通知应在答复期限内发出，而答复期限已于{DateText.Iso(due)}届满"
            : null;
    }

    private string? CheckFeePaid(FeePaid e)
    {
        if (Status != CaseStatus.AwaitingFee)
        {
            return "本申请没有待缴的费用，不能记录缴费";
        }

        return e.Date > _state.Fee!.PayBy
            ? $"缴费期限已于{DateText.Iso(_state.Fee.PayBy)}届满，应记录逾期未缴费"
            : null;
    }

    private string? CheckFeeLapsed(FeeLapsed e)
    {
        if (Status != CaseStatus.AwaitingFee)
        {
            return "本申请没有待缴的费用，不能记录逾期未缴费";
        }

        return e.Date <= _state.Fee!.PayBy
            ? $"缴费期限{DateText.Iso(_state.Fee.PayBy)}尚未届满，不能认定逾期未缴费"
            : null;
    }

    private string? CheckTransferred(Transferred e)
    {
        if (string.IsNullOrWhiteSpace(e.ToDepartmentId))
        {
            return "转办须指定接收部门";
        }

        if (_state.Department is null)
        {
            return "本申请尚未分办，不能转办；请先分办";
        }

        return e.ToDepartmentId == _state.Department ? $"本申请已由{e.ToDepartmentId}承办，不能转办给同一部门" : null;
    }

    private string? CheckReplied(Replied e)
    {
        if (!Enum.IsDefined(e.Outcome))
        {
            return "答复结果无效";
        }

        if (RequireOpen(e) is { } notOpen)
        {
            return notOpen;
        }

        return e.Outcome switch
        {
            CaseOutcome.NoSupplement => "逾期不补正不是答复：请在补正期满后记录“逾期不补正”（第三十条）",
            CaseOutcome.FeeUnpaid => "逾期未缴费不是答复：请在缴费期满后记录“逾期未缴费”",
            CaseOutcome.UnclearAfterSupplement when _state.SupplementReceivedOn is null =>
                "只有经补正后内容仍不明确的申请，才能答复“补正后申请内容仍不明确”（第三十条）；本申请未经补正",
            _ => null,
        };
    }

    /// <summary>The derived state: a left fold over the events, total over any sequence (checks happen in Apply).</summary>
    private sealed class State
    {
        public CaseStatus Status { get; private set; } = CaseStatus.NotRegistered;
        public CaseClosure? Closure { get; private set; }
        public ApplicantType? Applicant { get; private set; }
        public Channel? Channel { get; private set; }
        public DateOnly? ArrivedOn { get; private set; }
        public DateOnly? ReceivedOn { get; private set; }
        public DateOnly? ClockStartsOn { get; private set; }
        public DateOnly? SupplementRequestedOn { get; private set; }
        public DateOnly? SupplementDue { get; private set; }
        public DateOnly? SupplementReceivedOn { get; private set; }
        public List<ClockPause> Pauses { get; } = [];
        public Extension? Extension { get; private set; }
        public FeeNotice? Fee { get; private set; }
        public string? Department { get; private set; }
        public string? Handler { get; private set; }
        public CaseOutcome? Outcome { get; private set; }
        public DateOnly? ClosedOn { get; private set; }
        public DateOnly? DeliveredOn { get; private set; }

        public DepartmentOpinion? Opinion { get; private set; }

        public DateOnly? ReasonableReplyBy { get; private set; }
        public DateOnly? LastEventDate { get; private set; }

        public static State Fold(IEnumerable<CaseEvent> events, IWorkingDayCalendar calendar, CaseRules rules)
        {
            var state = new State();
            foreach (var e in events)
            {
                state.Step(e, calendar, rules);
            }

            return state;
        }

        private void Step(CaseEvent e, IWorkingDayCalendar calendar, CaseRules rules)
        {
            switch (e)
            {
                case Registered x:
                    Applicant = x.Applicant;
                    Channel = x.Channel;
                    ArrivedOn = x.Date;
                    ReceivedOn = ReceiptRules.DateOfReceipt(x.Channel, x.Date, x.ConfirmedOn, rules) ?? x.ConfirmedOn ?? x.Date;
                    ClockStartsOn = ReceivedOn;
                    Status = CaseStatus.Open;
                    break;
                case SupplementRequested x:
                    SupplementRequestedOn = x.Date;
                    SupplementDue = x.RespondBy;
                    Status = CaseStatus.AwaitingSupplement;
                    break;
                case SupplementReceived x:
                    // Art. 30: the reply deadline runs from the day the supplemented application is received.
                    SupplementReceivedOn = x.Date;
                    ClockStartsOn = x.Date;
                    Pauses.Clear();
                    Status = CaseStatus.Open;
                    break;
                case SupplementLapsed x:
                    Close(x.Date, CaseClosure.SupplementLapsed, CaseOutcome.NoSupplement);
                    break;
                case ConsultationStarted x:
                    Pauses.Add(new ClockPause(
                        x.Party == ConsultationParty.ThirdParty ? PauseReason.ThirdPartyConsultation : PauseReason.AgencyConsultation, x.Date, null));
                    Status = CaseStatus.InConsultation;
                    break;
                case ConsultationEnded x:
                    EndPause(x.Date);
                    Status = CaseStatus.Open;
                    break;
                case Extended x:
                    Extension = new Extension(x.Date, x.WorkingDays, x.ApproverId);
                    break;
                case FeeNoticeSent x:
                    var noticeReceived = x.NoticeReceivedOn ?? x.Date;
                    Fee = new FeeNotice(x.Date, x.AmountYuan, noticeReceived, calendar.AddWorkingDays(noticeReceived, rules.FeePaymentWorkingDays), null);
                    if (rules.FeeTimeStopsClock)
                    {
                        Pauses.Add(new ClockPause(PauseReason.FeePayment, x.Date, null));
                    }

                    Status = CaseStatus.AwaitingFee;
                    break;
                case FeePaid x:
                    Fee = Fee is null ? null : Fee with { PaidOn = x.Date };
                    EndPause(x.Date);
                    Status = CaseStatus.Open;
                    break;
                case FeeLapsed x:
                    Close(x.Date, CaseClosure.FeeLapsed, CaseOutcome.FeeUnpaid);
                    break;
                case Assigned x:
                    Department = x.DepartmentId;
                    break;
                case Transferred x:
                    Department = x.ToDepartmentId;
                    break;
                case HandlerAssigned x:
                    Handler = x.HandlerId;
                    break;
                case Replied x:
                    Close(x.Date, CaseClosure.Replied, x.Outcome);
                    break;
                case Withdrawn x:
                    Close(x.Date, CaseClosure.Withdrawn, CaseOutcome.Other);
                    break;
                case Delivered x:
                    DeliveredOn = x.Date;
                    break;
                case DepartmentOpinion x:
                    Opinion = x;
                    break;
                case ReasonableDeadlineSet x:
                    ReasonableReplyBy = x.ReplyBy;
                    break;
                case ClosedFromLedger x:
                    Close(x.Date, x.Outcome switch
                    {
                        CaseOutcome.NoSupplement => CaseClosure.SupplementLapsed,
                        CaseOutcome.FeeUnpaid => CaseClosure.FeeLapsed,
                        _ => CaseClosure.Replied,
                    }, x.Outcome);
                    break;
            }

            LastEventDate = e.Date;
        }

        private void EndPause(DateOnly on)
        {
            for (var i = 0; i < Pauses.Count; i++)
            {
                if (Pauses[i].To is null)
                {
                    Pauses[i] = Pauses[i] with { To = on };
                }
            }
        }

        private void Close(DateOnly on, CaseClosure closure, CaseOutcome outcome)
        {
            EndPause(on);
            Status = CaseStatus.Closed;
            Closure = closure;
            Outcome = outcome;
            ClosedOn = on;
        }
    }
}
