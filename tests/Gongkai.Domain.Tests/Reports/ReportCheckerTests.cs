using Gongkai.Domain.Reports;
using Gongkai.TestSupport;

namespace Gongkai.Domain.Tests.Reports;

public class ReportCheckerTests
{
    [Fact]
    public void Check_ConsistentReport_FindsNothing()
    {
        var report = new ReportBuilder()
            .WithApplications(ApplicantColumn.NaturalPerson, 5, 1, (ApplicationRowKeys.Granted, 3), (ApplicationRowKeys.UnavailableNotHeld, 2))
            .WithApplications(ApplicantColumn.LegalServiceInstitution, 2, 0, (ApplicationRowKeys.WithheldThirdPartyRights, 1))
            .WithReview(ReviewLitigationGroup.Review, ReviewOutcome.Upheld, 1)
            .Build();

        Assert.Empty(ReportChecker.Check(report));
    }

    [Fact]
    public void Check_TotalHandledExceedsResults_ExplainsTheColumnAndBothNumbers()
    {
        var report = new ReportBuilder()
            .WithApplications(ApplicantColumn.NaturalPerson, 5, 0, (ApplicationRowKeys.Granted, 3), (ApplicationRowKeys.UnavailableNotHeld, 1), (ApplicationRowKeys.NotProcessedDuplicate, 1))
            .Build();
        report.Applications[ApplicationRowKeys.NotProcessedDuplicate, ApplicantColumn.NaturalPerson] = 0;

        var findings = ReportChecker.Check(report);

        var finding = Assert.Single(findings, f => f.Rule == ReportChecker.HandledSumRule);
        Assert.Equal("三（七）总计 自然人列为5，但各项办理结果之和为4", finding.Message);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("applications.totalHandled.naturalPerson", finding.Location);
        Assert.Contains("applications.notProcessed.duplicate.naturalPerson", finding.Location);
    }

    [Fact]
    public void Check_BalanceBroken_ExplainsTheFourNumbers()
    {
        var report = new ReportBuilder()
            .WithApplications(ApplicantColumn.CommercialEnterprise, 4, 0, (ApplicationRowKeys.Granted, 4))
            .Build();
        report.Applications[ApplicationRowKeys.CarriedForward, ApplicantColumn.CommercialEnterprise] = 2;
        report.Applications[ApplicationRowKeys.CarriedForward, ApplicantColumn.Total] = 2;

        var findings = ReportChecker.Check(report);

        var balance = findings.Where(f => f.Rule == ReportChecker.BalanceRule).ToList();
        Assert.Equal(2, balance.Count); // 商业企业 and 总计
        Assert.Equal("商业企业列：一（本年新收）4 + 二（上年结转）0 = 4，但 三（七）总计 4 + 四（结转下年度）2 = 6，不符合勾稽关系", balance[0].Message);
    }

    [Fact]
    public void Check_RowTotalWrong_NamesTheRow()
    {
        var report = new ReportBuilder()
            .WithApplications(ApplicantColumn.NaturalPerson, 2, 0, (ApplicationRowKeys.WithheldStateSecret, 2))
            .Build();
        report.Applications[ApplicationRowKeys.WithheldStateSecret, ApplicantColumn.Total] = 3;

        var finding = Assert.Single(ReportChecker.Check(report), f => f.Rule == ReportChecker.RowTotalRule);

        Assert.Equal("三（三）1.属于国家秘密 总计列为3，但六类申请人之和为2", finding.Message);
    }

    [Theory]
    [InlineData(ReviewLitigationGroup.Review, "review-total")]
    [InlineData(ReviewLitigationGroup.LitigationDirect, "litigation-direct-total")]
    [InlineData(ReviewLitigationGroup.LitigationAfterReview, "litigation-after-review-total")]
    public void Check_ReviewLitigationTotalWrong_UsesTheGroupsRule(ReviewLitigationGroup group, string rule)
    {
        var report = new ReportBuilder().WithReview(group, ReviewOutcome.Corrected, 2).Build();
        report.ReviewLitigation[group, ReviewOutcome.Total] = 1;

        var finding = Assert.Single(ReportChecker.Check(report));

        Assert.Equal(rule, finding.Rule);
        Assert.Contains("总计为1，但结果维持、结果纠正、其他结果、尚未审结之和为2", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_2021FormatFor2020_IsATemplateYearError()
    {
        var report = new ReportBuilder(year: 2020, template: ReportTemplate.Format2021).Build();

        var finding = Assert.Single(ReportChecker.Check(report));

        Assert.Equal(ReportChecker.TemplateYearRule, finding.Rule);
        Assert.Contains("2020年度报告应使用2019年格式", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BlankCells_AreReadAsZeroWithAWarningThatSaysSo()
    {
        var report = new ReportBuilder().Build();
        report.Applications[ApplicationRowKeys.CarriedOver, ApplicantColumn.ResearchInstitution] = null;

        var finding = Assert.Single(ReportChecker.Check(report));

        Assert.Equal(ReportChecker.BlankCellsRule, finding.Rule);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(["applications.carriedOver.researchInstitution"], finding.Location);
        Assert.Contains("按0计算", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("003")]
    [InlineData("004")]
    public void Check_PublishedSamplesWithoutArithmeticErrors_HaveNoErrors(string number)
    {
        var findings = ReportChecker.Check(Fixtures.Report(number));

        Assert.DoesNotContain(findings, f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void Check_Sample000_WarnsAboutItsBlankCells()
    {
        var findings = ReportChecker.Check(Fixtures.Report("000"));

        var blank = Assert.Single(findings);
        Assert.Equal(ReportChecker.BlankCellsRule, blank.Rule);
        Assert.Contains("applications.carriedOver.naturalPerson", blank.Location);
    }

    [Fact]
    public void Check_Sample002_FlagsTheBlankTotalColumn()
    {
        var findings = ReportChecker.Check(Fixtures.Report("002"));

        // 总计 is blank in every row although 自然人 has 1 received and 1 granted.
        Assert.Contains(findings, f => f.Rule == ReportChecker.RowTotalRule && f.Message == "一、本年新收政府信息公开申请数量 总计列空白，但六类申请人之和为1（空白单元格按0计算）");
        Assert.Contains(findings, f => f.Rule == ReportChecker.RowTotalRule && f.Location.Contains("applications.granted.total"));
        // （七）总计 is blank too, so the 自然人 column neither sums nor balances.
        Assert.Contains(findings, f => f.Rule == ReportChecker.HandledSumRule && f.Location[0] == "applications.totalHandled.naturalPerson");
        Assert.Contains(findings, f => f.Rule == ReportChecker.BalanceRule && f.Location[0] == "applications.received.naturalPerson");
        Assert.All(findings.Where(f => f.Severity == FindingSeverity.Error), f => Assert.Contains("空白", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void CheckContinuity_CarriedOverDiffersFromLastYearsCarriedForward_IsAnError()
    {
        var previous = new ReportBuilder(year: 2021).WithApplications(ApplicantColumn.NaturalPerson, 3, 0, (ApplicationRowKeys.Granted, 1)).Build();
        var current = new ReportBuilder(year: 2022).WithApplications(ApplicantColumn.NaturalPerson, 0, 1, (ApplicationRowKeys.Granted, 1)).Build();

        var findings = ReportChecker.CheckContinuity(previous, current);

        Assert.Equal(2, findings.Count); // 自然人 and 总计
        Assert.Equal("2022年 二、上年结转政府信息公开申请数量 自然人列为1，但2021年报告 四、结转下年度继续办理 自然人列为2", findings[0].Message);
    }

    [Fact]
    public void CheckContinuity_YearsNotAdjacent_ChecksNothing()
    {
        var previous = new ReportBuilder(year: 2020).WithApplications(ApplicantColumn.NaturalPerson, 3, 0).Build();
        var current = new ReportBuilder(year: 2022).Build();

        Assert.Empty(ReportChecker.CheckContinuity(previous, current));
    }
}
