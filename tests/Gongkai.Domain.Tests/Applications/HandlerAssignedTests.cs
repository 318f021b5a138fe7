using Gongkai.Domain.Applications;
using static Gongkai.Domain.Tests.Applications.CaseBuilder;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>指定承办人: a step of the case that names who handles it, without touching the clock.</summary>
public class HandlerAssignedTests
{
    [Fact]
    public void Apply_AssignReassignTakeBack_HandlerFollows_ClockUnchanged()
    {
        var plain = ReceivedInPerson("2025-03-03").Build();
        var assigned = ReceivedInPerson("2025-03-03").Then(new HandlerAssigned(D("2025-03-04"), Clerk, "u-wang", "王芳")).Build();
        Assert.Equal("u-wang", assigned.Handler);
        Assert.Equal(plain.ReplyDue, assigned.ReplyDue);

        var reassigned = ReceivedInPerson("2025-03-03").Then(new HandlerAssigned(D("2025-03-04"), Clerk, "u-wang", "王芳"))
            .Then(new HandlerAssigned(D("2025-03-05"), Clerk, "u-li", "李四")).Build();
        Assert.Equal("u-li", reassigned.Handler);
        var taken = ReceivedInPerson("2025-03-03").Then(new HandlerAssigned(D("2025-03-04"), Clerk, "u-wang", "王芳"))
            .Then(new HandlerAssigned(D("2025-03-05"), Clerk, null, null)).Build();
        Assert.Null(taken.Handler);
    }

    [Fact]
    public void Apply_SameHandlerAgain_Refused() =>
        Assert.Equal("本申请已由王芳承办",
            ReceivedInPerson("2025-03-03").Then(new HandlerAssigned(D("2025-03-04"), Clerk, "u-wang", "王芳")).Refuses(new HandlerAssigned(D("2025-03-05"), Clerk, "u-wang", "王芳")));

    [Fact]
    public void Apply_AfterReply_Refused() =>
        Assert.Equal("本申请已于2025-03-10答复（予以公开），案件已办结，不能再指定承办人",
            ReceivedInPerson("2025-03-03").Reply("2025-03-10").Refuses(new HandlerAssigned(D("2025-03-11"), Clerk, "u-wang", "王芳")));
}
