using Gongkai.Domain.Applications;
using static Gongkai.Domain.Tests.Applications.CaseBuilder;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>Every illegal step is refused with a reason in Chinese; the case is left as it was.</summary>
public class ApplicationCaseRefusalTests
{
    [Fact]
    public void Apply_ReplyBeforeRegistration_Refused()
    {
        var reason = Unregistered().Refuses(new Replied(D("2025-03-10"), Clerk, CaseOutcome.Granted));

        Assert.Equal("申请尚未登记，不能答复", reason);
    }

    [Fact]
    public void Apply_SecondRegistration_Refused() =>
        Assert.Contains("不能重复登记",
            ReceivedInPerson("2025-03-03").Refuses(new Registered(D("2025-03-04"), Clerk, ApplicantType.NaturalPerson, Channel.InPerson)),
            StringComparison.Ordinal);

    [Fact]
    public void Apply_SecondExtension_Refused()
    {
        var reason = ReceivedInPerson("2025-03-03").Extend("2025-03-20", 5).Refuses(new Extended(D("2025-03-21"), Clerk, 5, Head));

        Assert.Equal("答复期限只能延长一次（第三十三条），本申请已于2025-03-20延长5个工作日", reason);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(0)]
    public void Apply_ExtensionOutsideOneToTwentyWorkingDays_Refused(int days)
    {
        var reason = ReceivedInPerson("2025-03-03").Refuses(new Extended(D("2025-03-20"), Clerk, days, Head));

        Assert.Contains("最长不得超过20个工作日（第三十三条）", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ExtensionWithoutApprover_Refused() =>
        Assert.Contains("须经政府信息公开工作机构负责人同意",
            ReceivedInPerson("2025-03-03").Refuses(new Extended(D("2025-03-20"), Clerk, 10, " ")),
            StringComparison.Ordinal);

    [Fact]
    public void Apply_ExtensionAfterDeadlineExpired_Refused() =>
        Assert.Equal("答复期限已于2025-03-31届满，不能再延长（第三十三条）",
            ReceivedInPerson("2025-03-03").Refuses(new Extended(D("2025-04-01"), Clerk, 10, Head)));

    [Fact]
    public void Apply_ExtensionOnLastDay_Accepted() =>
        Assert.Equal(D("2025-04-15"), ReceivedInPerson("2025-03-03").Extend("2025-03-31", 10).Build().ReplyDue);

    [Fact]
    public void Apply_SupplementRequestAfterSevenWorkingDays_Refused()
    {
        // Received Fri 2025-09-26: the 7th working day is Mon 10-13 (09-28 and 10-11 are 调休 working days).
        var reason = ReceivedInPerson("2025-09-26").Refuses(new SupplementRequested(D("2025-10-14"), Clerk, D("2025-10-24")));

        Assert.Equal("补正告知须在收到申请之日起7个工作日内作出（第三十条）：收到申请之日为2025-09-26，告知期限至2025-10-13，而告知日期为2025-10-14", reason);
    }

    [Fact]
    public void Apply_SecondSupplementRequest_Refused()
    {
        var builder = ReceivedInPerson("2025-03-03").RequestSupplement("2025-03-04", "2025-03-14").ReceiveSupplement("2025-03-05");

        Assert.Contains("补正应一次性告知（第三十条）",
            builder.Refuses(new SupplementRequested(D("2025-03-06"), Clerk, D("2025-03-20"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SupplementPeriodNotAfterNotice_Refused() =>
        Assert.Contains("应晚于告知日期",
            ReceivedInPerson("2025-03-03").Refuses(new SupplementRequested(D("2025-03-04"), Clerk, D("2025-03-04"))),
            StringComparison.Ordinal);

    [Fact]
    public void Apply_SupplementLapsedBeforePeriodEnds_Refused() =>
        Assert.Equal("补正期限2025-03-14尚未届满，不能认定逾期不补正（第三十条）",
            ReceivedInPerson("2025-03-03").RequestSupplement("2025-03-04", "2025-03-14")
                .Refuses(new SupplementLapsed(D("2025-03-14"), Clerk)));

    [Fact]
    public void Apply_SupplementReceivedWithoutRequest_Refused() =>
        Assert.Contains("没有待补正的告知",
            ReceivedInPerson("2025-03-03").Refuses(new SupplementReceived(D("2025-03-05"), Clerk)), StringComparison.Ordinal);

    [Fact]
    public void Apply_ReplyWhileAwaitingSupplement_Refused() =>
        Assert.Contains("正在等待申请人补正",
            ReceivedInPerson("2025-03-03").RequestSupplement("2025-03-04", "2025-03-14")
                .Refuses(new Replied(D("2025-03-10"), Clerk, CaseOutcome.Granted)),
            StringComparison.Ordinal);

    [Fact]
    public void Apply_ReplyAfterAbandonment_Refused()
    {
        var builder = ReceivedInPerson("2025-03-03").RequestSupplement("2025-03-04", "2025-03-14").LapseSupplement("2025-03-17");

        var reason = builder.Refuses(new Replied(D("2025-03-20"), Clerk, CaseOutcome.Granted));

        Assert.Equal("申请人逾期未补正，本申请已于2025-03-17视为放弃（第三十条），案件已办结，不能再答复", reason);
    }

    [Fact]
    public void Apply_ReplyAfterWithdrawal_Refused() =>
        Assert.Equal("申请人已于2025-03-05撤回申请，案件已办结，不能再答复",
            ReceivedInPerson("2025-03-03").Withdraw("2025-03-05").Refuses(new Replied(D("2025-03-06"), Clerk, CaseOutcome.Granted)));

    [Fact]
    public void Apply_AnythingAfterReply_Refused()
    {
        var replied = ReceivedInPerson("2025-03-03").Reply("2025-03-10", CaseOutcome.Duplicate);

        Assert.Equal("本申请已于2025-03-10答复（重复申请），案件已办结，不能再延期答复",
            replied.Refuses(new Extended(D("2025-03-11"), Clerk, 5, Head)));
        Assert.Contains("案件已办结", replied.Refuses(new Withdrawn(D("2025-03-11"), Clerk)), StringComparison.Ordinal);
        Assert.Contains("案件已办结", replied.Refuses(new Replied(D("2025-03-11"), Clerk, CaseOutcome.Granted)), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ReplyAfterFeeLapsed_Refused() =>
        Assert.Contains("逾期未缴纳信息处理费",
            ReceivedInPerson("2025-03-03").SendFeeNotice("2025-03-05").LapseFee("2025-04-03")
                .Refuses(new Replied(D("2025-04-04"), Clerk, CaseOutcome.Granted)),
            StringComparison.Ordinal);

    [Fact]
    public void Apply_ReplyDuringConsultation_Refused() =>
        Assert.Equal("征求意见尚未结束（第三十二条、第三十四条），请先记录征求意见结束，再答复",
            ReceivedInPerson("2025-03-03").StartConsultation("2025-03-05")
                .Refuses(new Replied(D("2025-03-10"), Clerk, CaseOutcome.Granted)));

    [Fact]
    public void Apply_SecondConsultationWhileOneIsOpen_Refused() =>
        Assert.Contains("征求意见尚未结束",
            ReceivedInPerson("2025-03-03").StartConsultation("2025-03-05")
                .Refuses(new ConsultationStarted(D("2025-03-06"), Clerk, ConsultationParty.OtherAgency)),
            StringComparison.Ordinal);

    [Fact]
    public void Apply_ConsultationEndedWithoutStart_Refused() =>
        Assert.Contains("没有正在进行的征求意见",
            ReceivedInPerson("2025-03-03").Refuses(new ConsultationEnded(D("2025-03-05"), Clerk)), StringComparison.Ordinal);

    [Fact]
    public void Apply_ReplyWhileAwaitingFee_Refused() =>
        Assert.Contains("申请人尚未缴费（缴费期限2025-04-02）",
            ReceivedInPerson("2025-03-03").SendFeeNotice("2025-03-05")
                .Refuses(new Replied(D("2025-03-10"), Clerk, CaseOutcome.Granted)),
            StringComparison.Ordinal);

    [Fact]
    public void Apply_FeeNoticeBeforeFeeRulesInForce_Refused() =>
        Assert.Contains("自2021-01-01起施行",
            ReceivedInPerson("2020-12-01").Refuses(new FeeNoticeSent(D("2020-12-02"), Clerk, 100m)), StringComparison.Ordinal);

    [Fact]
    public void Apply_SecondFeeNotice_Refused() =>
        Assert.Contains("不能再次发出",
            ReceivedInPerson("2025-03-03").SendFeeNotice("2025-03-05").PayFee("2025-03-06")
                .Refuses(new FeeNoticeSent(D("2025-03-07"), Clerk, 100m)),
            StringComparison.Ordinal);

    [Fact]
    public void Apply_FeeNoticeAfterDeadline_Refused() =>
        Assert.Contains("收费通知应在答复期限内发出",
            ReceivedInPerson("2025-03-03").Refuses(new FeeNoticeSent(D("2025-04-01"), Clerk, 100m)), StringComparison.Ordinal);

    [Fact]
    public void Apply_FeeNoticeWithZeroAmount_Refused() =>
        Assert.Equal("收费金额应大于0元", ReceivedInPerson("2025-03-03").Refuses(new FeeNoticeSent(D("2025-03-04"), Clerk, 0m)));

    [Fact]
    public void Apply_FeePaidAfterPayBy_Refused() =>
        Assert.Equal("缴费期限已于2025-04-02届满，应记录逾期未缴费",
            ReceivedInPerson("2025-03-03").SendFeeNotice("2025-03-05").Refuses(new FeePaid(D("2025-04-03"), Clerk)));

    [Fact]
    public void Apply_FeeLapsedBeforePayBy_Refused() =>
        Assert.Equal("缴费期限2025-04-02尚未届满，不能认定逾期未缴费",
            ReceivedInPerson("2025-03-03").SendFeeNotice("2025-03-05").Refuses(new FeeLapsed(D("2025-04-02"), Clerk)));

    [Fact]
    public void Apply_FeePaidWithoutNotice_Refused() =>
        Assert.Contains("没有待缴的费用",
            ReceivedInPerson("2025-03-03").Refuses(new FeePaid(D("2025-03-05"), Clerk)), StringComparison.Ordinal);

    [Fact]
    public void Apply_EventDatedBeforePreviousEvent_Refused() =>
        Assert.Equal("答复日期2025-03-09早于上一事件日期2025-03-10，请按时间顺序记录",
            ReceivedInPerson("2025-03-03").Assign("2025-03-10", "办公室").Refuses(new Replied(D("2025-03-09"), Clerk, CaseOutcome.Granted)));

    [Fact]
    public void Apply_EventDatedBeforeReceipt_Refused()
    {
        var builder = Unregistered().Then(new Registered(D("2025-03-03"), Clerk, ApplicantType.NaturalPerson, Channel.OrdinaryPost, D("2025-03-05")));

        Assert.Equal("分办日期2025-03-04早于收到申请之日2025-03-05（第三十一条）",
            builder.Refuses(new Assigned(D("2025-03-04"), Clerk, "办公室")));
    }

    [Fact]
    public void Apply_WithoutActor_Refused() =>
        Assert.Equal("答复须记录经办人", ReceivedInPerson("2025-03-03").Refuses(new Replied(D("2025-03-05"), "", CaseOutcome.Granted)));

    [Theory]
    [InlineData(CaseOutcome.NoSupplement, "逾期不补正不是答复")]
    [InlineData(CaseOutcome.FeeUnpaid, "逾期未缴费不是答复")]
    [InlineData(CaseOutcome.UnclearAfterSupplement, "本申请未经补正")]
    public void Apply_ReplyWithOutcomeThatNeedsAnotherPath_Refused(CaseOutcome outcome, string expected) =>
        Assert.Contains(expected, ReceivedInPerson("2025-03-03").Refuses(new Replied(D("2025-03-05"), Clerk, outcome)), StringComparison.Ordinal);

    [Fact]
    public void Apply_TransferBeforeAssignment_Refused() =>
        Assert.Contains("尚未分办", ReceivedInPerson("2025-03-03").Refuses(new Transferred(D("2025-03-04"), Clerk, "法规科")), StringComparison.Ordinal);

    [Fact]
    public void Apply_TransferToSameDepartment_Refused() =>
        Assert.Contains("不能转办给同一部门",
            ReceivedInPerson("2025-03-03").Assign("2025-03-04", "法规科").Refuses(new Transferred(D("2025-03-05"), Clerk, "法规科")),
            StringComparison.Ordinal);

    [Fact]
    public void Apply_RegistrationByOrdinaryPostWithoutConfirmation_Refused() =>
        Assert.Equal("以平信方式提交的申请，以与申请人确认之日为收到申请之日（第三十一条），请填写确认日期",
            Unregistered().Refuses(new Registered(D("2025-03-03"), Clerk, ApplicantType.NaturalPerson, Channel.OrdinaryPost)));

    [Fact]
    public void Apply_ConfirmationBeforeArrival_Refused() =>
        Assert.Contains("早于申请到达日期",
            Unregistered().Refuses(new Registered(D("2025-03-03"), Clerk, ApplicantType.NaturalPerson, Channel.Online, D("2025-03-02"))),
            StringComparison.Ordinal);

    [Fact]
    public void Apply_Refused_LeavesCaseUnchanged()
    {
        var c = ReceivedInPerson("2025-03-03").Build();

        var result = c.Apply(new Extended(D("2025-03-04"), Clerk, 30, Head));

        Assert.False(result.IsAccepted);
        Assert.Single(c.Events);
        Assert.Null(c.Extension);
    }
}
