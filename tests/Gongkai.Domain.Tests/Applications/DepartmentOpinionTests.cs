using Gongkai.Domain.Applications;
using static Gongkai.Domain.Tests.Applications.CaseBuilder;

namespace Gongkai.Domain.Tests.Applications;

public class DepartmentOpinionTests
{
    [Fact]
    public void Apply_OpinionOfTheAssignedDepartment_KeptWithoutMovingTheClock()
    {
        var assigned = ReceivedInPerson("2025-03-03").Then(new Assigned(D("2025-03-04"), Clerk, "2"));
        var before = assigned.Build().ReplyDue;

        var c = assigned.Then(new DepartmentOpinion(D("2025-03-06"), "医政科", "2", "经查，该信息由本科室保存，可以公开。", CaseOutcome.Granted)).Build();

        Assert.Equal("经查，该信息由本科室保存，可以公开。", c.Opinion!.Opinion);
        Assert.Equal(CaseOutcome.Granted, c.Opinion.Proposed);
        Assert.Equal(before, c.ReplyDue);
        Assert.Equal(CaseStatus.Open, c.Status);
    }

    [Fact]
    public void Apply_LaterOpinion_SupersedesTheEarlierOne()
    {
        var c = ReceivedInPerson("2025-03-03").Then(new Assigned(D("2025-03-04"), Clerk, "2"))
            .Then(new DepartmentOpinion(D("2025-03-05"), "医政科", "2", "初步查找未见。"))
            .Then(new DepartmentOpinion(D("2025-03-07"), "医政科", "2", "经档案室查找，本机关不掌握。", CaseOutcome.NotHeld)).Build();

        Assert.Equal(CaseOutcome.NotHeld, c.Opinion!.Proposed);
    }

    [Theory]
    [InlineData(false, "2", "经查可以公开", "本申请尚未分办，没有承办科室")]
    [InlineData(true, "3", "经查可以公开", "承办意见须由本申请的承办科室提出")]
    [InlineData(true, "2", " ", "承办意见：请填写查找结果和答复建议")]
    public void Apply_WithoutAssignmentFromAnotherDepartmentOrEmpty_Refused(bool assign, string department, string opinion, string message)
    {
        var c = ReceivedInPerson("2025-03-03");
        if (assign)
        {
            c = c.Then(new Assigned(D("2025-03-04"), Clerk, "2"));
        }

        Assert.Equal(message, c.Refuses(new DepartmentOpinion(D("2025-03-05"), "某科", department, opinion)));
    }

    [Fact]
    public void Apply_OpinionAfterTheReply_Refused() =>
        Assert.Contains("已办结", ReceivedInPerson("2025-03-03").Then(new Assigned(D("2025-03-04"), Clerk, "2")).Reply("2025-03-10")
            .Refuses(new DepartmentOpinion(D("2025-03-11"), "医政科", "2", "补充意见")), StringComparison.Ordinal);
}
