using Gongkai.Domain.Applications;
using static Gongkai.Documents.Tests.Ledger.LedgerBuilder;

namespace Gongkai.Documents.Tests.Ledger;

/// <summary>The ways people write dates, applicant types, channels and outcomes in a ledger.</summary>
public class LedgerValueTests
{
    [Theory]
    [InlineData("2020-03-09")]
    [InlineData("2020-3-9")]
    [InlineData("2020/3/9")]
    [InlineData("2020/03/09")]
    [InlineData("2020.3.9")]
    [InlineData("2020年3月9日")]
    [InlineData("2020年03月09日")]
    [InlineData("２０２０年３月９日")]
    [InlineData("2020/3/9 0:00")]
    [InlineData("2020-03-09 00:00:00")]
    [InlineData(" 2020-03-09　")]
    public void Read_DateWrittenAnyAcceptedWay_ReadsThatDay(string written)
    {
        var rows = LedgerAssert.Accepted(Standard().Row(Case(received: written)).ReadCsv());

        Assert.Equal(new DateOnly(2020, 3, 9), rows[0].ReceivedOn);
    }

    [Fact]
    public void Read_LeapDay_IsADate()
    {
        var rows = LedgerAssert.Accepted(Standard().Row(Case(received: "2020-02-29")).ReadCsv());

        Assert.Equal(new DateOnly(2020, 2, 29), rows[0].ReceivedOn);
    }

    [Theory]
    [InlineData("自然人", ApplicantType.NaturalPerson)]
    [InlineData("商业企业", ApplicantType.CommercialEnterprise)]
    [InlineData("科研机构", ApplicantType.ResearchInstitution)]
    [InlineData("社会公益组织", ApplicantType.PublicInterestOrganization)]
    [InlineData("法律服务机构", ApplicantType.LegalServiceInstitution)]
    [InlineData("其他", ApplicantType.OtherOrganization)]
    [InlineData("法人或其他组织-其他", ApplicantType.OtherOrganization)]
    [InlineData("法人或其他组织·商业企业", ApplicantType.CommercialEnterprise)]
    [InlineData("法人或其他组织（法律服务机构）", ApplicantType.LegalServiceInstitution)]
    public void Read_ApplicantType_MapsToReportColumn(string written, ApplicantType expected)
    {
        var rows = LedgerAssert.Accepted(Standard().Row(Case(applicantType: written)).ReadCsv());

        Assert.Equal(expected, rows[0].ApplicantType);
    }

    [Theory]
    [InlineData("当面", Channel.InPerson)]
    [InlineData("当面提交", Channel.InPerson)]
    [InlineData("邮寄", Channel.SignedPost)]
    [InlineData("信函", Channel.SignedPost)]
    [InlineData("平信", Channel.OrdinaryPost)]
    [InlineData("网络", Channel.Online)]
    [InlineData("网上", Channel.Online)]
    [InlineData("在线申请", Channel.Online)]
    [InlineData("传真", Channel.Fax)]
    [InlineData("电子邮件", Channel.Email)]
    [InlineData("E-mail", Channel.Email)]
    [InlineData("其他", Channel.Other)]
    public void Read_Channel_MapsToDomainChannel(string written, Channel expected)
    {
        var rows = LedgerAssert.Accepted(Standard().Row(Case(channel: written)).ReadCsv());

        Assert.Equal(expected, rows[0].Channel);
    }

    [Fact]
    public void Read_BlankChannel_IsNull()
    {
        var rows = LedgerAssert.Accepted(Standard().Row(Case(channel: "")).ReadCsv());

        Assert.Null(rows[0].Channel);
    }

    /// <summary>The row labels of docs/legal.md §2.4 as the format prints them, and the short labels of the issue.</summary>
    [Theory]
    [InlineData("予以公开", CaseOutcome.Granted)]
    [InlineData("（一）予以公开", CaseOutcome.Granted)]
    [InlineData("(一)予以公开", CaseOutcome.Granted)]
    [InlineData("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", CaseOutcome.PartiallyGranted)]
    [InlineData("1.属于国家秘密", CaseOutcome.WithheldStateSecret)]
    [InlineData("2.其他法律行政法规禁止公开", CaseOutcome.WithheldProhibitedByLaw)]
    [InlineData("3.危及“三安全一稳定”", CaseOutcome.WithheldEndangersSecurity)]
    [InlineData("危及\"三安全一稳定\"", CaseOutcome.WithheldEndangersSecurity)]
    [InlineData("4.保护第三方合法权益", CaseOutcome.WithheldThirdPartyRights)]
    [InlineData("5.属于三类内部事务信息", CaseOutcome.WithheldInternalAffairs)]
    [InlineData("6.属于四类过程性信息", CaseOutcome.WithheldProcessInformation)]
    [InlineData("7.属于行政执法案卷", CaseOutcome.WithheldEnforcementCaseFile)]
    [InlineData("8.属于行政查询事项", CaseOutcome.WithheldAdministrativeInquiry)]
    [InlineData("本机关不掌握相关政府信息", CaseOutcome.NotHeld)]
    [InlineData("1.本机关不掌握相关政府信息", CaseOutcome.NotHeld)]
    [InlineData("2.没有现成信息需要另行制作", CaseOutcome.NeedsCreation)]
    [InlineData("3.补正后申请内容仍不明确", CaseOutcome.UnclearAfterSupplement)]
    [InlineData("1.信访举报投诉类申请", CaseOutcome.PetitionComplaint)]
    [InlineData("重复申请", CaseOutcome.Duplicate)]
    [InlineData("三（五）2.重复申请", CaseOutcome.Duplicate)]
    [InlineData("3.要求提供公开出版物", CaseOutcome.Publication)]
    [InlineData("4.无正当理由大量反复申请", CaseOutcome.Excessive)]
    [InlineData("5.要求行政机关确认或重新出具已获取信息", CaseOutcome.Confirmation)]
    [InlineData("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", CaseOutcome.NoSupplement)]
    [InlineData("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", CaseOutcome.FeeUnpaid)]
    [InlineData("逾期不补正", CaseOutcome.NoSupplement)]
    [InlineData("逾期未缴费", CaseOutcome.FeeUnpaid)]
    [InlineData("其他", CaseOutcome.Other)]
    [InlineData("3.其他", CaseOutcome.Other)]
    [InlineData("（六）其他处理", CaseOutcome.Other)]
    public void Read_OutcomeAsPrintedInFormat_MapsToOutcome(string written, CaseOutcome expected)
    {
        var rows = LedgerAssert.Accepted(Standard().Row(Case(outcome: written)).ReadCsv());

        Assert.Equal(expected, rows[0].Outcome);
    }
}
