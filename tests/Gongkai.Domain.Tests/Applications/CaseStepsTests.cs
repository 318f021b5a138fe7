using Gongkai.Domain.Applications;
using static Gongkai.Domain.Tests.Applications.CaseBuilder;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>The guided case page's questions: which steps are allowed now, which is expected, what the clock does.</summary>
public class CaseStepsTests
{
    private static CaseStep[] Steps(ApplicationCase c, string today) => [.. c.Allowed(D(today)).Select(s => s.Step)];

    [Fact]
    public void Allowed_NewCase_AssignFirstAndSupplementWithinSevenWorkingDays()
    {
        var c = ReceivedInPerson("2025-03-03").Build();

        var allowed = c.Allowed(D("2025-03-04"));

        Assert.Equal(new AllowedStep(CaseStep.Assign, true), allowed[0]);
        Assert.Single(allowed, s => s.Expected);
        Assert.Contains(CaseStep.RequestSupplement, Steps(c, "2025-03-04"));
        Assert.Contains(CaseStep.Reply, Steps(c, "2025-03-04"));
        Assert.DoesNotContain(CaseStep.ReceiveSupplement, Steps(c, "2025-03-04"));
        Assert.DoesNotContain(CaseStep.Deliver, Steps(c, "2025-03-04"));
        // Art. 30: the 7th working day after 03-03 is 03-12; later no 补正 can be asked.
        Assert.Contains(CaseStep.RequestSupplement, Steps(c, "2025-03-12"));
        Assert.DoesNotContain(CaseStep.RequestSupplement, Steps(c, "2025-03-13"));
    }

    [Fact]
    public void Allowed_AssignedWithOpinion_ReplyExpected()
    {
        var c = ReceivedInPerson("2025-03-03").Assign("2025-03-04", "1")
            .Then(new DepartmentOpinion(D("2025-03-05"), Clerk, "1", "已查到")).Build();

        var allowed = c.Allowed(D("2025-03-06"));

        Assert.Equal(new AllowedStep(CaseStep.Reply, true), allowed[0]);
        Assert.Contains(CaseStep.Transfer, allowed.Select(s => s.Step));
        Assert.DoesNotContain(CaseStep.Assign, allowed.Select(s => s.Step));
    }

    [Fact]
    public void Allowed_AwaitingSupplement_ReceiveFirst_LapseOnlyAfterPeriod_NoReply()
    {
        var c = ReceivedInPerson("2025-03-03").RequestSupplement("2025-03-04", "2025-03-14").Build();

        Assert.Equal(CaseStep.ReceiveSupplement, c.Allowed(D("2025-03-10"))[0].Step);
        Assert.DoesNotContain(CaseStep.LapseSupplement, Steps(c, "2025-03-14"));
        Assert.DoesNotContain(CaseStep.Reply, Steps(c, "2025-03-10"));
        Assert.DoesNotContain(CaseStep.RequestExtension, Steps(c, "2025-03-10"));
        Assert.Equal(new AllowedStep(CaseStep.LapseSupplement, true), c.Allowed(D("2025-03-17"))[0]);
    }

    [Fact]
    public void Allowed_EveryStepOffered_IsAcceptedByTheCase()
    {
        var c = ReceivedInPerson("2025-03-03").Build();
        var today = D("2025-03-05");
        foreach (var step in c.Allowed(today).Select(s => s.Step))
        {
            CaseEvent? e = step switch
            {
                CaseStep.RequestSupplement => new SupplementRequested(today, Clerk, today.AddDays(10)),
                CaseStep.Assign => new Assigned(today, Clerk, "1"),
                CaseStep.StartConsultation => new ConsultationStarted(today, Clerk, ConsultationParty.ThirdParty),
                CaseStep.RequestExtension => new Extended(today, Clerk, 10, Head),
                CaseStep.SendFeeNotice => new FeeNoticeSent(today, Clerk, 100m),
                CaseStep.SetReasonableDeadline => new ReasonableDeadlineSet(today, Clerk, today.AddMonths(3), "数量大"),
                CaseStep.Reply => new Replied(today, Clerk, CaseOutcome.Granted),
                CaseStep.Withdraw => new Withdrawn(today, Clerk),
                _ => null,
            };
            Assert.NotNull(e);
            Assert.IsType<StepAccepted>(c.Apply(e));
        }
    }

    [Fact]
    public void Allowed_RepliedNotDelivered_OnlyDeliver_ThenNothing()
    {
        var replied = ReceivedInPerson("2025-03-03").Reply("2025-03-10");

        Assert.Equal([new AllowedStep(CaseStep.Deliver, true)], replied.Build().Allowed(D("2025-03-11")));
        var delivered = replied.Then(new Delivered(D("2025-03-12"), Clerk, "邮寄")).Build();
        Assert.Empty(delivered.Allowed(D("2025-03-13")));
    }

    [Fact]
    public void Clock_AwaitingSupplement_SaysSoNotConsultation()
    {
        var c = ReceivedInPerson("2025-03-03").RequestSupplement("2025-03-04", "2025-03-14").Build();

        var reading = c.Clock(D("2025-03-05"));

        Assert.Equal(ClockMode.AwaitingSupplement, reading.Mode);
        var text = reading.Describe(c);
        Assert.Contains("待申请人补正（补正期限2025年3月14日）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("征求意见", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clock_Running_CountsWorkingDaysLeftAndOverdue()
    {
        // Received Mon 2025-03-03: due Mon 03-31.
        var c = ReceivedInPerson("2025-03-03").Build();

        Assert.Equal("剩余5个工作日", c.Clock(D("2025-03-24")).Remaining);
        Assert.Equal("今日到期", c.Clock(D("2025-03-31")).Remaining);
        Assert.Equal("已超期2个工作日", c.Clock(D("2025-04-02")).Remaining);
        Assert.Equal("2025年3月31日（剩余5个工作日）", c.Clock(D("2025-03-24")).Describe(c));
    }

    [Fact]
    public void Clock_InConsultation_PausedWithDueIfEndedToday()
    {
        var c = ReceivedInPerson("2025-03-03").StartConsultation("2025-03-10").Build();

        var reading = c.Clock(D("2025-03-12"));

        Assert.Equal(ClockMode.PausedForConsultation, reading.Mode);
        Assert.Equal(D("2025-04-02"), reading.Due);
        Assert.StartsWith("计时暂停（征求意见中", reading.Describe(c), StringComparison.Ordinal);
    }
}
