using Gongkai.Domain.Applications;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Applications;

public class CaseOutcomesTests
{
    [Fact]
    public void All_EveryOutcome_HasCatalogEntryWithRowOfBothTemplates()
    {
        Assert.Equal(Enum.GetValues<CaseOutcome>().Length, CaseOutcomes.All.Count);
        foreach (var info in CaseOutcomes.All)
        {
            Assert.NotNull(ApplicationsLayout.Find(ReportTemplate.Format2021, info.RowKey(ReportTemplate.Format2021)));
            Assert.NotNull(ApplicationsLayout.Find(ReportTemplate.Format2019, info.RowKey(ReportTemplate.Format2019)));
        }
    }

    [Fact]
    public void All_EveryResultRowOf2021_HasAnOutcome()
    {
        var rows = ApplicationsLayout.Format2021.Where(r => r.Kind == ApplicationRowKind.Result).Select(r => r.Key);

        Assert.All(rows, key => Assert.Contains(CaseOutcomes.All, i => i.RowKey2021 == key));
    }

    [Theory]
    [InlineData(CaseOutcome.NoSupplement, ApplicationRowKeys.OtherNoSupplement, ApplicationRowKeys.OtherOther)]
    [InlineData(CaseOutcome.FeeUnpaid, ApplicationRowKeys.OtherFeeUnpaid, ApplicationRowKeys.OtherOther)]
    [InlineData(CaseOutcome.Other, ApplicationRowKeys.OtherOther, ApplicationRowKeys.OtherOther)]
    [InlineData(CaseOutcome.NotHeld, ApplicationRowKeys.UnavailableNotHeld, ApplicationRowKeys.UnavailableNotHeld)]
    [InlineData(CaseOutcome.AlreadyPublic, ApplicationRowKeys.Granted, ApplicationRowKeys.Granted)]
    public void RowKey_ByTemplate_Collapses2019OtherRows(CaseOutcome outcome, string row2021, string row2019)
    {
        Assert.Equal(row2021, outcome.RowKey(ReportTemplate.Format2021));
        Assert.Equal(row2019, outcome.RowKey(ReportTemplate.Format2019));
    }

    [Fact]
    public void RowKey_AlreadyPublicNotCountedAsGranted_GoesToOther() =>
        Assert.Equal(ApplicationRowKeys.OtherOther,
            CaseOutcome.AlreadyPublic.RowKey(ReportTemplate.Format2021, new ReportingRules { AlreadyPublicCountsAsGranted = false }));

    [Theory]
    [InlineData("予以公开", CaseOutcome.Granted)]
    [InlineData("本机关不掌握相关政府信息", CaseOutcome.NotHeld)]
    [InlineData("重复申请", CaseOutcome.Duplicate)]
    [InlineData("逾期不补正", CaseOutcome.NoSupplement)]
    [InlineData("逾期未缴费", CaseOutcome.FeeUnpaid)]
    [InlineData("其他", CaseOutcome.Other)]
    [InlineData("（一）予以公开", CaseOutcome.Granted)]
    [InlineData("三（三）1.属于国家秘密", CaseOutcome.WithheldStateSecret)]
    [InlineData("（五）2.重复申请", CaseOutcome.Duplicate)]
    [InlineData("4.无正当理由大量反复申请", CaseOutcome.Excessive)]
    [InlineData("危及\"三安全一稳定\"", CaseOutcome.WithheldEndangersSecurity)]
    [InlineData("3.危及“三安全一稳定”", CaseOutcome.WithheldEndangersSecurity)]
    [InlineData("2.其他法律法规禁止公开", CaseOutcome.WithheldProhibitedByLaw)]
    [InlineData(" 部分公开（区分处理的，只计这一情形，不计其他情形） ", CaseOutcome.PartiallyGranted)]
    [InlineData("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", CaseOutcome.NoSupplement)]
    [InlineData("（六）其他处理", CaseOutcome.Other)]
    [InlineData("补正后申请内容仍不明确", CaseOutcome.UnclearAfterSupplement)]
    [InlineData("不予公开-属于国家秘密", CaseOutcome.WithheldStateSecret)]
    [InlineData("不予公开：4.保护第三方合法权益", CaseOutcome.WithheldThirdPartyRights)]
    [InlineData("无法提供—本机关不掌握相关政府信息", CaseOutcome.NotHeld)]
    [InlineData("不予处理/重复申请", CaseOutcome.Duplicate)]
    [InlineData("其他处理-逾期不补正", CaseOutcome.NoSupplement)]
    [InlineData("申请人撤回", CaseOutcome.Other)]
    public void TryParseLabel_PrintedLabels_FindsOutcome(string label, CaseOutcome expected)
    {
        Assert.True(CaseOutcomes.TryParseLabel(label, out var outcome));
        Assert.Equal(expected, outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("不予公开")]
    [InlineData("批准")]
    [InlineData("不予公开-重复申请")] // 重复申请 is 不予处理, not 不予公开: a contradiction is not guessed away
    [InlineData("不予处理-属于国家秘密")]
    public void TryParseLabel_UnknownLabel_ReturnsFalse(string? label) =>
        Assert.False(CaseOutcomes.TryParseLabel(label, out _));

    [Fact]
    public void TryParseLabel_EveryCatalogLabel_RoundTrips() =>
        Assert.All(CaseOutcomes.All, i =>
        {
            Assert.True(CaseOutcomes.TryParseLabel(i.Label, out var outcome));
            Assert.Equal(i.Outcome, outcome);
        });

    [Fact]
    public void ReplyTypes_Article36Mapping_MatchesLegalMd()
    {
        Assert.Equal([Art36Reply.Disclosable], CaseOutcome.Granted.Info().ReplyTypes);
        Assert.Equal([Art36Reply.AlreadyDisclosed], CaseOutcome.AlreadyPublic.Info().ReplyTypes);
        Assert.Equal([Art36Reply.DoesNotExist, Art36Reply.NotResponsible], CaseOutcome.NotHeld.Info().ReplyTypes);
        Assert.Equal([Art36Reply.Repeat], CaseOutcome.Duplicate.Info().ReplyTypes);
        Assert.Equal([Art36Reply.SpecialAccessRules], CaseOutcome.WithheldAdministrativeInquiry.Info().ReplyTypes);
        Assert.Empty(CaseOutcome.NeedsCreation.Info().ReplyTypes);
        Assert.Equal("第三十八条", CaseOutcome.NeedsCreation.Info().Articles);
    }
}
