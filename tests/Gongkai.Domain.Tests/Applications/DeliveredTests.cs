using Gongkai.Domain.Applications;
using static Gongkai.Domain.Tests.Applications.CaseBuilder;

namespace Gongkai.Domain.Tests.Applications;

public class DeliveredTests
{
    [Fact]
    public void Apply_DeliveredAfterReply_RecordsDateKeepsClosure()
    {
        var c = ReceivedInPerson("2025-03-03").Reply("2025-03-10").Then(new Delivered(D("2025-03-12"), Clerk, "邮寄（挂号信）")).Build();

        Assert.Equal(D("2025-03-12"), c.DeliveredOn);
        Assert.Equal(D("2025-03-10"), c.ClosedOn);
        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(CaseOutcome.Granted, c.Outcome);
    }

    [Fact]
    public void Apply_DeliveredBeforeReply_Refused() =>
        Assert.Equal("本申请尚未答复，不能记录送达", ReceivedInPerson("2025-03-03").Refuses(new Delivered(D("2025-03-04"), Clerk, "电子邮件")));

    [Fact]
    public void Apply_DeliveredTwice_Refused() =>
        Assert.Equal("答复已于2025-03-12送达，不能重复记录",
            ReceivedInPerson("2025-03-03").Reply("2025-03-10").Then(new Delivered(D("2025-03-12"), Clerk, "当面")).Refuses(new Delivered(D("2025-03-13"), Clerk, "当面")));

    [Fact]
    public void Apply_DeliveredBeforeTheReplyDate_Refused() =>
        Assert.Equal("送达日期2025-03-09早于答复日期2025-03-10",
            ReceivedInPerson("2025-03-03").Reply("2025-03-10").Refuses(new Delivered(D("2025-03-09"), Clerk, "当面")));

    [Fact]
    public void Apply_DeliveredAfterWithdrawal_Refused() =>
        Assert.Equal("本申请尚未答复，不能记录送达",
            ReceivedInPerson("2025-03-03").Withdraw("2025-03-05").Refuses(new Delivered(D("2025-03-06"), Clerk, "当面")));
}
