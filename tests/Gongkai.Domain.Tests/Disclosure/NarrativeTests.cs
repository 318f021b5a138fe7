using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Disclosure;

public class NarrativeTests
{
    [Fact]
    public void ProactiveParagraph_WordedLikeTheSampleReports()
    {
        var summary = new ProactiveDisclosureSummary(2020, 621,
            [("组织机构类信息", 3), ("规范性文件", 1), ("动态类信息", 176), ("行政执法类信息", 234), ("财政预决算信息", 8), ("其他信息", 199)],
            new Dictionary<PublicationChannel, int> { [PublicationChannel.GovernmentWebsite] = 621 }, PublishedLate: 2, OverdueAtYearEnd: 0);

        Assert.Equal(
            "2020年，本机关主动公开政府信息621条，包括：组织机构类信息3条；规范性文件1条；动态类信息176条；行政执法类信息234条；财政预决算信息8条；其他信息199条。" +
            "通过不同渠道和方式发布政府信息情况：通过政府公报发布信息0条，通过政府网站发布信息621条。" +
            "按《条例》第二十六条，619条在信息形成之日起20个工作日内公开，2条逾期公开。",
            summary.ProactiveParagraph());
    }

    [Fact]
    public void DraftProactive_StatesTheTableFigures()
    {
        var report = new AnnualReport("示范局", 2021);
        report.Article20["normativeDocuments", "issued"] = Article20Value.Of(2);
        report.Article20["administrativeLicensing", "decisions"] = Article20Value.Of(603);

        var text = ProactiveDisclosureSummary.DraftProactive(report);

        Assert.StartsWith("2021年，本机关制发规章0件、行政规范性文件2件", text, StringComparison.Ordinal);
        Assert.Contains("作出行政许可决定603件", text, StringComparison.Ordinal);
    }
}
