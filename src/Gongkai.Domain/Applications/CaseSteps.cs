using Gongkai.Domain.Calendar;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Applications;

/// <summary>A step a person can take on a case (each maps to one <see cref="CaseEvent"/>, or to a request for one).</summary>
public enum CaseStep
{
    /// <summary>告知补正 (Art. 30).</summary>
    RequestSupplement,

    /// <summary>收到补正材料 (Art. 30).</summary>
    ReceiveSupplement,

    /// <summary>逾期不补正 (Art. 30).</summary>
    LapseSupplement,

    /// <summary>分办 (Art. 45: the agency's internal handling).</summary>
    Assign,

    /// <summary>转办 (Art. 45).</summary>
    Transfer,

    /// <summary>承办意见 (Art. 45).</summary>
    GiveOpinion,

    /// <summary>征求意见 (Arts. 32, 34).</summary>
    StartConsultation,

    /// <summary>征求意见结束 (Arts. 32, 34).</summary>
    EndConsultation,

    /// <summary>申请延期 (Art. 33), approved by a leader.</summary>
    RequestExtension,

    /// <summary>收费通知 (Art. 42; 国办函〔2020〕109号).</summary>
    SendFeeNotice,

    /// <summary>缴纳费用.</summary>
    RecordFeePaid,

    /// <summary>逾期未缴费.</summary>
    LapseFee,

    /// <summary>确定合理答复期限 (Art. 35).</summary>
    SetReasonableDeadline,

    /// <summary>答复 (Arts. 33, 36).</summary>
    Reply,

    /// <summary>送达 (Art. 33's 答复 reaches the applicant).</summary>
    Deliver,

    /// <summary>申请人撤回.</summary>
    Withdraw,
}

/// <summary>A step allowed now; <see cref="Expected"/> marks the one the case is waiting for (shown first).</summary>
public sealed record AllowedStep(CaseStep Step, bool Expected);

/// <summary>What the Art. 33 clock is doing.</summary>
public enum ClockMode
{
    /// <summary>Not yet registered: no clock.</summary>
    NotStarted,

    /// <summary>Counting toward the reply date (Art. 33, or the Art. 35 date).</summary>
    Running,

    /// <summary>Waiting for the applicant's 补正: the 20 working days start afresh on its receipt (Art. 30).</summary>
    AwaitingSupplement,

    /// <summary>Stopped while a third party or another agency is consulted (Arts. 32, 34).</summary>
    PausedForConsultation,

    /// <summary>Stopped from the fee notice until payment (configurable, docs/legal.md §3).</summary>
    PausedForFee,

    /// <summary>The case is closed.</summary>
    Stopped,
}

/// <summary>
/// The clock as of a day: its <see cref="Mode"/>, the reply date if it is running (or would be if the pause ended
/// that day), and how many working days remain (<see cref="RemainingWorkingDays"/>, 0 = due that day) or are overdue.
/// </summary>
public sealed record ClockReading(ClockMode Mode, DateOnly? Due, int? RemainingWorkingDays, int? OverdueWorkingDays)
{
    /// <summary>剩余N个工作日 / 今日到期 / 已超期N个工作日, or empty when the clock does not count.</summary>
    public string Remaining => (RemainingWorkingDays, OverdueWorkingDays) switch
    {
        (_, { } late) => $"已超期{late}个工作日",
        (0, _) => "今日到期",
        ({ } left, _) => $"剩余{left}个工作日",
        _ => string.Empty,
    };

    /// <summary>A running clock due on <paramref name="due"/>, read on <paramref name="today"/> (Art. 33): working days left, or overdue.</summary>
    public static ClockReading Running(DateOnly due, DateOnly today, IWorkingDayCalendar calendar) => today > due
        ? new ClockReading(ClockMode.Running, due, null, calendar.CountWorkingDays(due, today))
        : new ClockReading(ClockMode.Running, due, calendar.CountWorkingDays(today, due), null);
}

/// <summary>Which steps the Regulation allows on a case now, and what its clock is doing (for the guided case page).</summary>
public static class CaseSteps
{
    /// <summary>
    /// The steps <see cref="ApplicationCase.Apply"/> would accept on <paramref name="today"/> for the case's state, the
    /// expected one first. The rules are the case's own (Arts. 30, 32–36, 42, 45): a 补正 is asked once and within 7
    /// working days (Art. 30); the clock must run to reply, consult, charge or set an Art. 35 date; an extension once
    /// (Art. 33) and not after an Art. 35 date; a 送达 only after a reply.
    /// </summary>
    public static IReadOnlyList<AllowedStep> Allowed(this ApplicationCase c, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        var steps = new List<CaseStep>();
        CaseStep? expected = null;
        switch (c.Status)
        {
            case CaseStatus.NotRegistered:
                break;
            case CaseStatus.Closed:
                if (c.Closure == CaseClosure.Replied && c.DeliveredOn is null)
                {
                    expected = CaseStep.Deliver;
                    steps.Add(CaseStep.Deliver);
                }

                break;
            case CaseStatus.AwaitingSupplement:
                // Art. 30: once the period has run out the application is deemed abandoned unless the supplement came.
                expected = today > c.SupplementDue ? CaseStep.LapseSupplement : CaseStep.ReceiveSupplement;
                steps.Add(CaseStep.ReceiveSupplement);
                if (today > c.SupplementDue)
                {
                    steps.Add(CaseStep.LapseSupplement);
                }

                AddInternal(c, steps);
                steps.Add(CaseStep.Withdraw);
                break;
            case CaseStatus.InConsultation:
                expected = CaseStep.EndConsultation;
                steps.Add(CaseStep.EndConsultation);
                AddInternal(c, steps);
                AddExtension(c, steps);
                steps.Add(CaseStep.Withdraw);
                break;
            case CaseStatus.AwaitingFee:
                expected = today > c.Fee!.PayBy ? CaseStep.LapseFee : CaseStep.RecordFeePaid;
                if (today <= c.Fee.PayBy)
                {
                    steps.Add(CaseStep.RecordFeePaid);
                }
                else
                {
                    steps.Add(CaseStep.LapseFee);
                }

                AddInternal(c, steps);
                AddExtension(c, steps);
                steps.Add(CaseStep.Withdraw);
                break;
            case CaseStatus.Open:
                // Arts. 33, 35, 42: after the reply date has passed, no extension, fee or Art. 35 date any more.
                var late = c.ReplyDueAsOf(today) is { } due && today > due;
                expected = c.Department is null ? CaseStep.Assign : c.Opinion is null ? CaseStep.GiveOpinion : CaseStep.Reply;
                steps.Add(CaseStep.Reply);
                AddInternal(c, steps);
                if (c.SupplementRequestedOn is null && today <= c.SupplementNoticeDeadline)
                {
                    steps.Add(CaseStep.RequestSupplement);
                }

                steps.Add(CaseStep.StartConsultation);
                if (!late)
                {
                    AddExtension(c, steps);
                }

                if (c.Fee is null && today >= c.Rules.FeeRulesEffectiveFrom && !late)
                {
                    steps.Add(CaseStep.SendFeeNotice);
                }

                if (c.ReasonableReplyBy is null && !late)
                {
                    steps.Add(CaseStep.SetReasonableDeadline);
                }

                steps.Add(CaseStep.Withdraw);
                break;
        }

        return [.. steps.OrderBy(s => s == expected ? 0 : 1).Select(s => new AllowedStep(s, s == expected))];
    }

    /// <summary>What the clock is doing on <paramref name="today"/>, with the working days left or overdue.</summary>
    public static ClockReading Clock(this ApplicationCase c, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        var mode = c.Status switch
        {
            CaseStatus.NotRegistered => ClockMode.NotStarted,
            CaseStatus.Open => ClockMode.Running,
            CaseStatus.AwaitingSupplement => ClockMode.AwaitingSupplement,
            CaseStatus.InConsultation => ClockMode.PausedForConsultation,
            CaseStatus.AwaitingFee => c.Pauses.Any(p => p.To is null) ? ClockMode.PausedForFee : ClockMode.Running,
            CaseStatus.Closed => ClockMode.Stopped,
        };
        if (mode != ClockMode.Running)
        {
            return new ClockReading(mode, mode is ClockMode.PausedForConsultation or ClockMode.PausedForFee ? c.ReplyDueAsOf(today) : null, null, null);
        }

        return ClockReading.Running(c.ReplyDueAsOf(today)!.Value, today, c.Calendar);
    }

    /// <summary>The deadline line in words: what the clock is actually doing (not a guess from another state).</summary>
    public static string Describe(this ClockReading reading, ApplicationCase c)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(c);
        return reading.Mode switch
        {
            ClockMode.NotStarted => "尚未登记，未开始计时",
            ClockMode.Running => $"{DateText.Long(reading.Due!.Value)}（{reading.Remaining}）",
            ClockMode.AwaitingSupplement =>
                $"待申请人补正（补正期限{DateText.Long(c.SupplementDue!.Value)}）：自收到补正材料之日起重新计算20个工作日（第三十条）",
            ClockMode.PausedForConsultation =>
                $"计时暂停（征求意见中，第三十二条、第三十四条）：征求意见时间不计入答复期限；如今日结束，答复期限为{DateText.Long(reading.Due!.Value)}",
            ClockMode.PausedForFee =>
                $"计时暂停（待缴费）：收费通知至缴费的时间不计入答复期限；如今日缴费，答复期限为{DateText.Long(reading.Due!.Value)}",
            ClockMode.Stopped => "已办结，停止计时",
        };
    }

    /// <summary>分办/转办 and 承办意见 (Art. 45): the agency's internal handling, allowed in any open state.</summary>
    private static void AddInternal(ApplicationCase c, List<CaseStep> steps)
    {
        steps.Add(c.Department is null ? CaseStep.Assign : CaseStep.Transfer);
        if (c.Department is not null)
        {
            steps.Add(CaseStep.GiveOpinion);
        }
    }

    /// <summary>Art. 33: once, and not after an Art. 35 date, nor while waiting for a 补正.</summary>
    private static void AddExtension(ApplicationCase c, List<CaseStep> steps)
    {
        if (c.Extension is null && c.ReasonableReplyBy is null && c.Status != CaseStatus.AwaitingSupplement)
        {
            steps.Add(CaseStep.RequestExtension);
        }
    }
}
