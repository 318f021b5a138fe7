namespace Gongkai.Domain.Applications;

/// <summary>Where a case stands, derived from its events.</summary>
public enum CaseStatus
{
    /// <summary>No <see cref="Registered"/> event yet.</summary>
    NotRegistered,

    /// <summary>办理中: the Art. 33 clock is running.</summary>
    Open,

    /// <summary>待补正 (Art. 30): waiting for the applicant; the clock restarts on receipt of the supplement.</summary>
    AwaitingSupplement,

    /// <summary>征求意见中 (Arts. 32, 34): the clock is paused.</summary>
    InConsultation,

    /// <summary>待缴费 (docs/legal.md §3): the clock is paused when <see cref="CaseRules.FeeTimeStopsClock"/>.</summary>
    AwaitingFee,

    /// <summary>已办结: replied, deemed abandoned, or withdrawn.</summary>
    Closed,
}

/// <summary>How a closed case was closed.</summary>
public enum CaseClosure
{
    /// <summary>答复 (Art. 36 etc.).</summary>
    Replied,

    /// <summary>逾期不补正, deemed abandoned (Art. 30).</summary>
    SupplementLapsed,

    /// <summary>逾期未缴费, deemed abandoned (docs/legal.md §3).</summary>
    FeeLapsed,

    /// <summary>申请人撤回.</summary>
    Withdrawn,
}

/// <summary>Why the Art. 33 clock stood still.</summary>
public enum PauseReason
{
    /// <summary>征求第三方意见 (Art. 32).</summary>
    ThirdPartyConsultation,

    /// <summary>征求其他机关意见 (Art. 34).</summary>
    AgencyConsultation,

    /// <summary>收费通知至缴费 (docs/legal.md §3; only when <see cref="CaseRules.FeeTimeStopsClock"/>).</summary>
    FeePayment,
}

/// <summary>
/// A stretch during which the Art. 33 clock stood still (Art. 33: consultation time does not count): the working
/// days after <see cref="From"/> up to and including <see cref="To"/> are excluded; <see cref="To"/> is null
/// while the pause lasts.
/// </summary>
public sealed record ClockPause(PauseReason Reason, DateOnly From, DateOnly? To);

/// <summary>延期答复 (Art. 33): when, by how many working days, approved by whom.</summary>
public sealed record Extension(DateOnly On, int WorkingDays, string ApproverId);

/// <summary>收费 (docs/legal.md §3): the notice, its payment deadline, and when it was paid.</summary>
public sealed record FeeNotice(DateOnly SentOn, decimal AmountYuan, DateOnly ReceivedOn, DateOnly PayBy, DateOnly? PaidOn);
