using Gongkai.Domain.Applications;
using static Gongkai.Domain.Tests.Applications.CaseBuilder;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>Art. 31: the date of receipt by channel.</summary>
public class ReceiptRulesTests
{
    [Theory]
    [InlineData(Channel.InPerson, "2025-03-03")] // handed in
    [InlineData(Channel.SignedPost, "2025-03-03")] // signed for
    [InlineData(Channel.OrdinaryPost, "2025-03-05")] // confirmed with the applicant
    [InlineData(Channel.Online, "2025-03-05")] // both sides confirm
    [InlineData(Channel.Fax, "2025-03-05")]
    [InlineData(Channel.Email, "2025-03-05")] // default: internet channel, confirmation date (P)
    [InlineData(Channel.Other, "2025-03-05")]
    public void DateOfReceipt_ByChannel_FollowsArticle31(Channel channel, string expected) =>
        Assert.Equal(D(expected), ReceiptRules.DateOfReceipt(channel, D("2025-03-03"), D("2025-03-05"), CaseRules.Default));

    [Fact]
    public void DateOfReceipt_EmailUnderMailSystemRule_IsArrivalDay()
    {
        var rules = new CaseRules { EmailReceipt = EmailReceiptRule.MailSystemReceipt };

        Assert.Equal(D("2025-03-03"), ReceiptRules.DateOfReceipt(Channel.Email, D("2025-03-03"), null, rules));
        Assert.False(Channel.Email.RequiresConfirmation(rules));
    }

    [Fact]
    public void DateOfReceipt_ConfirmationMissing_IsNull() =>
        Assert.Null(ReceiptRules.DateOfReceipt(Channel.Fax, D("2025-03-03"), null, CaseRules.Default));

    [Fact]
    public void ReplyDue_OnlineApplicationConfirmedLater_RunsFromConfirmation()
    {
        // Arrived Fri 2025-09-26 online, confirmed Tue 09-30: 20 working days from 09-30 → 11-04.
        var c = Unregistered()
            .Then(new Registered(D("2025-09-26"), Clerk, ApplicantType.CommercialEnterprise, Channel.Online, D("2025-09-30")))
            .Build();

        Assert.Equal(D("2025-09-26"), c.ArrivedOn);
        Assert.Equal(D("2025-09-30"), c.ReceivedOn);
        Assert.Equal(D("2025-11-04"), c.ReplyDue);
    }

    [Fact]
    public void Label_EveryChannel_HasChineseLabel() =>
        Assert.Equal(["当面", "邮寄", "平信", "网络", "传真", "电子邮件", "其他"], Enum.GetValues<Channel>().Select(c => c.Label()));
}
