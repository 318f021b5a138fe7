using Gongkai.Domain.Applications;
using static Gongkai.Domain.Tests.Applications.CaseBuilder;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>Art. 35: a reasonable later deadline for an excessive application whose reasons are reasonable.</summary>
public class ReasonableDeadlineTests
{
    // Received 2025-03-03 (Mon) in person: the Art. 33 deadline is 2025-03-31.
    private static readonly DateOnly Art33Due = D("2025-03-31");

    [Fact]
    public void Apply_LaterDate_ReplacesTheDeadline_AReplyByThenIsOnTime()
    {
        var set = ReceivedInPerson("2025-03-03").Then(new ReasonableDeadlineSet(D("2025-03-10"), Clerk, D("2025-05-30"), "申请人一次申请近十年全部监督抽检记录，理由为学术研究"));

        var c = set.Build();
        var replied = set.Reply("2025-05-20").Build();

        Assert.Equal(Art33Due, ReceivedInPerson("2025-03-03").Build().ReplyDue);
        Assert.Equal(D("2025-05-30"), c.ReplyDue);
        Assert.Equal(D("2025-05-30"), c.ReasonableReplyBy);
        Assert.False(c.IsOverdue(D("2025-04-15")));
        Assert.False(replied.RepliedLate);
    }

    [Theory]
    [InlineData("2025-03-10", "2025-03-28", "理由", "合理期限2025-03-28不晚于现在的答复期限2025-03-31，按第三十三条答复即可")]
    [InlineData("2025-03-10", "2025-05-30", " ", "确定合理期限须说明理由（第三十五条")]
    [InlineData("2025-04-01", "2025-05-30", "理由", "答复期限已于2025-03-31届满，不能再确定更晚的期限")]
    public void Apply_NotLaterNoReasonOrTooLate_Refused(string on, string replyBy, string reason, string message) =>
        Assert.StartsWith(message, ReceivedInPerson("2025-03-03").Refuses(new ReasonableDeadlineSet(D(on), Clerk, D(replyBy), reason)), StringComparison.Ordinal);

    [Fact]
    public void Apply_Twice_OrAnExtensionAfterIt_Refused()
    {
        var set = ReceivedInPerson("2025-03-03").Then(new ReasonableDeadlineSet(D("2025-03-10"), Clerk, D("2025-05-30"), "理由"));

        Assert.StartsWith("本申请已于此前确定合理答复期限2025-05-30", set.Refuses(new ReasonableDeadlineSet(D("2025-03-11"), Clerk, D("2025-06-30"), "理由")), StringComparison.Ordinal);
        Assert.StartsWith("本申请已按第三十五条确定合理答复期限2025-05-30", set.Refuses(new Extended(D("2025-03-12"), Clerk, 10, Head)), StringComparison.Ordinal);
    }
}
