using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using static Gongkai.Domain.Tests.Applications.CaseBuilder;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>The Art. 33 clock: 20 working days, 补正 restart (Art. 30), consultation pauses (Arts. 32, 34), extension, fees.</summary>
public class ApplicationCaseClockTests
{
    [Fact]
    public void ReplyDue_ReceivedBeforeNationalDay2025_CountsMakeUpDays()
    {
        // docs/legal.md §5.3: Fri 2025-09-26 + 20 working days = Thu 2025-10-30 (09-28 Sun and 10-11 Sat are worked).
        var c = ReceivedInPerson("2025-09-26").Build();

        Assert.Equal(CaseStatus.Open, c.Status);
        Assert.Equal(D("2025-09-26"), c.ReceivedOn);
        Assert.Equal(D("2025-10-30"), c.ReplyDue);
        Assert.Equal(D("2025-10-13"), c.SupplementNoticeDeadline);
    }

    [Fact]
    public void ReplyDue_Received2020_01_17_CrossesExtendedSpringFestival()
    {
        // See ChineseWorkingDayCalendarTests: 01-19 worked, 01-24…02-02 off (02-01 not worked), so 02-21.
        var c = ReceivedInPerson("2020-01-17").Build();

        Assert.Equal(D("2020-02-21"), c.ReplyDue);
        Assert.Equal(D("2020-02-04"), c.SupplementNoticeDeadline); // 01-19, 01-20…01-23, 02-03, 02-04
    }

    [Fact]
    public void ReplyDue_Received2024BeforeSpringFestival_CountsBothSundaysWorked() =>
        Assert.Equal(D("2024-03-06"), ReceivedInPerson("2024-02-02").Build().ReplyDue);

    [Fact]
    public void ReplyDue_AfterSupplementReceived_RunsAgainFromSupplementDate()
    {
        // Received Fri 2025-09-26; 补正 notice on the last allowed day, Mon 10-13 (7th working day: 09-28, 09-29,
        // 09-30, 10-09, 10-10, 10-11, 10-13). The supplement arrives Mon 10-20; 20 working days from then: 11-17.
        var builder = ReceivedInPerson("2025-09-26").RequestSupplement("2025-10-13", "2025-10-27");
        var waiting = builder.Build();
        Assert.Equal(CaseStatus.AwaitingSupplement, waiting.Status);
        Assert.Null(waiting.ReplyDue);
        Assert.False(waiting.IsOverdue(D("2025-12-31")));
        Assert.Equal(D("2025-10-27"), waiting.SupplementDue);

        var c = builder.ReceiveSupplement("2025-10-20").Build();

        Assert.Equal(CaseStatus.Open, c.Status);
        Assert.Equal(D("2025-10-20"), c.ClockStartsOn);
        Assert.Equal(D("2025-11-17"), c.ReplyDue);
        Assert.Equal(D("2025-09-26"), c.ReceivedOn); // the report still counts it as received in September
    }

    [Fact]
    public void ReplyDue_ConsultationPause_ExtendsByWorkingDaysConsumed()
    {
        // Received Mon 2025-03-03: due 03-31. Third party consulted 03-10 → answer 03-20: 8 working days
        // (03-11…03-14, 03-17…03-20) do not count, so the due date is the 28th working day: 04-11 (清明 04-04…04-06).
        var builder = ReceivedInPerson("2025-03-03").StartConsultation("2025-03-10");
        var paused = builder.Build();
        Assert.Equal(CaseStatus.InConsultation, paused.Status);
        Assert.Null(paused.ReplyDue);
        Assert.Equal(D("2025-03-31"), paused.ReplyDueAsOf(D("2025-03-10")));
        Assert.Equal(D("2025-03-31"), paused.ConsultationAnswerDue); // 15 working days after 03-10

        var c = builder.EndConsultation("2025-03-20").Build();

        Assert.Equal(D("2025-04-11"), c.ReplyDue);
        var pause = Assert.Single(c.Pauses);
        Assert.Equal(new ClockPause(PauseReason.ThirdPartyConsultation, D("2025-03-10"), D("2025-03-20")), pause);
    }

    [Fact]
    public void ReplyDue_ExtensionAcrossNationalDay_AddsTwentyWorkingDays()
    {
        // Received Tue 2025-09-30: due 11-04 (10-01…10-08 off, 10-11 Sat worked); extended by 20 → 12-02.
        var c = ReceivedInPerson("2025-09-30").Extend("2025-10-31").Build();

        Assert.Equal(D("2025-12-02"), c.ReplyDue);
        Assert.Equal(new Extension(D("2025-10-31"), 20, Head), c.Extension);
    }

    [Fact]
    public void ReplyDue_ConsultationAcrossNationalDayThenExtension_AddsBoth()
    {
        // Received Tue 2025-09-30 (due 11-04). Other agency consulted 09-30 → 10-15: the working days 10-09, 10-10,
        // 10-11 (Sat, 调休), 10-13, 10-14, 10-15 = 6 are excluded; extension 10 → the 36th working day: 11-04 is the
        // 20th, then 11-05…11-07, 11-10…11-14, 11-17…11-21, 11-24…11-26 → 11-26.
        var c = ReceivedInPerson("2025-09-30")
            .StartConsultation("2025-09-30", ConsultationParty.OtherAgency)
            .EndConsultation("2025-10-15")
            .Extend("2025-10-20", 10)
            .Reply("2025-11-26")
            .Build();

        Assert.Equal(D("2025-11-26"), c.ReplyDue);
        Assert.False(c.RepliedLate);
        Assert.Equal(PauseReason.AgencyConsultation, Assert.Single(c.Pauses).Reason);
    }

    [Fact]
    public void ReplyDue_FeeNoticeStopsClockByDefault_ExcludesDaysUntilPayment()
    {
        // Received Mon 2025-03-03 (due 03-31). Fee notice 03-05 received the same day, paid 03-12: 5 working days
        // (03-06, 03-07, 03-10, 03-11, 03-12) excluded → 25th working day = 04-08 (04-04 Fri is 清明).
        var builder = ReceivedInPerson("2025-03-03").SendFeeNotice("2025-03-05", 300m);
        var awaiting = builder.Build();
        Assert.Equal(CaseStatus.AwaitingFee, awaiting.Status);
        Assert.Equal(D("2025-04-02"), awaiting.Fee!.PayBy); // 20 working days from the day after 03-05

        var c = builder.PayFee("2025-03-12").Build();

        Assert.Equal(D("2025-04-08"), c.ReplyDue);
        Assert.Equal(D("2025-03-12"), c.Fee!.PaidOn);
    }

    [Fact]
    public void ReplyDue_FeeTimeNotStoppingClock_KeepsOriginalDue()
    {
        var rules = new CaseRules { FeeTimeStopsClock = false };

        var c = ReceivedInPerson("2025-03-03", rules: rules).SendFeeNotice("2025-03-05").PayFee("2025-03-12").Build();

        Assert.Equal(D("2025-03-31"), c.ReplyDue);
        Assert.Empty(c.Pauses);
    }

    [Fact]
    public void FeePayBy_NoticeReceivedLater_CountsFromDayAfterReceipt()
    {
        var c = ReceivedInPerson("2025-09-26").SendFeeNotice("2025-09-29", 100m, receivedOn: "2025-09-30").Build();

        // 20 working days after Tue 09-30: 10-09, 10-10, 10-11 (Sat, 调休), 10-13…10-17, 10-20…10-24,
        // 10-27…10-31, 11-03, 11-04 → 11-04 (not counted from the day the notice was sent, 09-29).
        Assert.Equal(D("2025-11-04"), c.Fee!.PayBy);
    }

    [Fact]
    public void IsOverdue_OpenCasePastDue_TrueFromTheDayAfter()
    {
        var c = ReceivedInPerson("2025-09-26").Build();

        Assert.False(c.IsOverdue(D("2025-10-30")));
        Assert.True(c.IsOverdue(D("2025-10-31")));
    }

    [Fact]
    public void IsOverdue_OverdueBeforeConsultation_StaysOverdueDuringIt()
    {
        var c = ReceivedInPerson("2025-03-03").StartConsultation("2025-04-07").Build();

        Assert.True(c.IsOverdue(D("2025-04-20")));
    }

    [Fact]
    public void IsOverdue_ClosedCase_IsFalse()
    {
        var c = ReceivedInPerson("2025-03-03").Reply("2025-04-30").Build();

        Assert.False(c.IsOverdue(D("2025-05-30")));
        Assert.True(c.RepliedLate);
        Assert.Equal(D("2025-04-30"), c.ClosedOn);
        Assert.Equal(CaseOutcome.Granted, c.Outcome);
    }

    [Fact]
    public void WithCalendar_CorrectedHolidayData_MovesOpenCaseDueDate()
    {
        // Recorded while only weekdays were known, then the holiday data is loaded: the due date moves.
        var weekdaysOnly = ChineseWorkingDayCalendar.Create();
        var c = ReceivedInPerson("2025-09-26", calendar: weekdaysOnly).Build();
        Assert.Equal(D("2025-10-24"), c.ReplyDue);

        var corrected = c.WithCalendar(ChineseWorkingDayCalendar.Default);

        Assert.Equal(D("2025-10-30"), corrected.ReplyDue);
        Assert.Equal(c.Events, corrected.Events);
    }

    [Fact]
    public void Rehydrate_StoredEvents_DerivesSameState()
    {
        var original = ReceivedInPerson("2025-03-03").Assign("2025-03-04", "办公室").Transfer("2025-03-05", "法规科")
            .StartConsultation("2025-03-10").EndConsultation("2025-03-20").Build();

        var again = ApplicationCase.Rehydrate(original.Id, original.Events, ChineseWorkingDayCalendar.Default);

        Assert.Equal(original.ReplyDue, again.ReplyDue);
        Assert.Equal("法规科", again.Department);
        Assert.Equal(original.Status, again.Status);
    }

    [Fact]
    public void Replay_IllegalEventInHistory_ReturnsItsRefusal()
    {
        CaseEvent[] history =
        [
            new Registered(D("2025-03-03"), Clerk, ApplicantType.NaturalPerson, Channel.InPerson),
            new Replied(D("2025-03-10"), Clerk, CaseOutcome.Granted),
            new Extended(D("2025-03-11"), Clerk, 5, Head),
        ];

        var result = ApplicationCase.Replay("x", history, ChineseWorkingDayCalendar.Default);

        var refused = Assert.IsType<StepRefused>(result);
        Assert.Same(history[2], refused.Event);
    }

    [Fact]
    public void SupplementLapsed_AfterPeriod_ClosesAsNoSupplement()
    {
        var c = ReceivedInPerson("2025-03-03").RequestSupplement("2025-03-05", "2025-03-19").LapseSupplement("2025-03-20").Build();

        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(CaseClosure.SupplementLapsed, c.Closure);
        Assert.Equal(CaseOutcome.NoSupplement, c.Outcome);
        Assert.Equal(D("2025-03-20"), c.ClosedOn);
    }

    [Fact]
    public void FeeLapsed_AfterPayBy_ClosesAsFeeUnpaid()
    {
        var c = ReceivedInPerson("2025-03-03").SendFeeNotice("2025-03-05").LapseFee("2025-04-03").Build();

        Assert.Equal(CaseOutcome.FeeUnpaid, c.Outcome);
        Assert.Equal(CaseClosure.FeeLapsed, c.Closure);
        Assert.All(c.Pauses, p => Assert.NotNull(p.To));
    }

    [Fact]
    public void Withdrawn_OpenCase_ClosesAsOther()
    {
        var c = ReceivedInPerson("2025-03-03").Withdraw("2025-03-04").Build();

        Assert.Equal(CaseClosure.Withdrawn, c.Closure);
        Assert.Equal(CaseOutcome.Other, c.Outcome);
    }

    [Fact]
    public void Reply_UnclearAfterSupplement_AllowedAfterSupplement()
    {
        var c = ReceivedInPerson("2025-03-03").RequestSupplement("2025-03-04", "2025-03-14").ReceiveSupplement("2025-03-10")
            .Reply("2025-03-20", CaseOutcome.UnclearAfterSupplement).Build();

        Assert.Equal(CaseOutcome.UnclearAfterSupplement, c.Outcome);
    }
}
