using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;

namespace Gongkai.Documents.Tests.Rendering;

public class HtmlReportRendererTests
{
    public static TheoryNumbers Samples => Fixtures.All;

    [Theory]
    [MemberData(nameof(Samples))]
    public void Render_ApplicationsTable_EveryNumberInItsCell(string number)
    {
        var report = Fixtures.Report(number);
        var grid = new HtmlGrid(HtmlGrid.Table(Parse(report), "applications"));

        // Header: the 勾稽关系 note spans 3 rows × 3 label columns; 总计 sits under 申请人情况 in the last column.
        Assert.Equal(HtmlGrid.Normalize(ApplicationsLayout.BalanceNote), grid[2, 2]);
        Assert.Equal("总计", grid[2, 9]);
        Assert.Equal("其他", grid[2, 8]);
        foreach (var row in report.Applications.Rows)
        {
            var r = row.Group is null
                ? grid.FindRow((0, row.Top), (2, row.Top))
                : row.Item is null
                    ? grid.FindRow((0, row.Top), (1, row.Group), (2, row.Group))
                    : grid.FindRow((0, row.Top), (1, row.Group), (2, row.Item));
            foreach (var column in ApplicantColumns.All)
            {
                Assert.True(grid[r, 3 + (int)column] == ReportFormatting.Cell(report.Applications[row.Key, column]),
                    $"{row.Name} · {column.Label()}: expected '{report.Applications[row.Key, column]}', page shows '{grid[r, 3 + (int)column]}'");
            }
        }

        // 20 result rows in the 2019 format, 22 in the 2021 format, all under 三、本年度办理结果.
        var results = Enumerable.Range(0, grid.RowCount).Count(r => grid[r, 0] == ApplicationsLayout.ResultsTop);
        Assert.Equal(report.Template == ReportTemplate.Format2019 ? 20 : 22, results);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Render_Article20Table_EveryValueUnderItsColumn(string number)
    {
        var report = Fixtures.Report(number);
        var grid = new HtmlGrid(HtmlGrid.Table(Parse(report), "article20"));

        foreach (var group in report.Article20.Layout.Groups)
        {
            var heading = grid.FindRow((0, group.Heading));
            var header = heading + 1;
            Assert.Equal("信息内容", grid[header, 0]);
            foreach (var row in group.Rows)
            {
                var r = grid.FindRow((0, row.Label));
                Assert.True(r > header, $"{row.Label} should stand under {group.Heading}");
                foreach (var column in group.Columns)
                {
                    var c = Enumerable.Range(1, grid.Width - 1).First(i => grid[header, i] == HtmlGrid.Normalize(column.Label));
                    Assert.Equal(HtmlGrid.Normalize(ReportFormatting.Cell(report.Article20[row.Key, column.Key], column)), grid[r, c]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Render_ReviewLitigationTable_FifteenNumbersUnderTheirHeaders(string number)
    {
        var report = Fixtures.Report(number);
        var grid = new HtmlGrid(HtmlGrid.Table(Parse(report), "review-litigation"));

        Assert.Equal(15, grid.Width);
        foreach (var group in ReviewLitigationLabels.Groups)
        {
            foreach (var outcome in ReviewLitigationLabels.Outcomes)
            {
                var c = Enumerable.Range(0, 15).Single(i => group switch
                {
                    ReviewLitigationGroup.Review => grid[0, i] == "行政复议" && grid[1, i] == outcome.Label(),
                    ReviewLitigationGroup.LitigationDirect => grid[1, i] == "未经复议直接起诉" && grid[2, i] == outcome.Label(),
                    ReviewLitigationGroup.LitigationAfterReview => grid[1, i] == "复议后起诉" && grid[2, i] == outcome.Label(),
                });
                Assert.Equal(ReportFormatting.Cell(report.ReviewLitigation[group, outcome]), grid[3, c]);
            }
        }
    }

    [Fact]
    public void Render_Sample000_HasTitleSectionsInOrderAndSignature()
    {
        var report = Fixtures.Report("000");
        var document = Parse(report);

        Assert.Equal("深圳市龙岗区卫生健康局2019年政府信息公开工作年度报告", document.QuerySelector("h1")!.TextContent);
        Assert.Equal(
            ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、政府信息公开工作存在的主要问题及改进情况", "六、其他需要报告的事项"],
            document.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Contains(document.QuerySelectorAll("#overview p"), p => p.TextContent.StartsWith("2019年，龙岗区卫生健康局认真贯彻执行", StringComparison.Ordinal));
        Assert.Equal("2020年1月7日", document.QuerySelector(".signature time")!.TextContent);
    }

    [Fact]
    public void Render_ProcurementAmount_CarriesItsUnit()
    {
        var grid = new HtmlGrid(HtmlGrid.Table(Parse(Fixtures.Report("001")), "article20"));

        var r = grid.FindRow((0, "政府集中采购"));

        Assert.Equal("34871000元", grid[r, 2]);
    }

    [Fact]
    public void Render_IsSelfContainedWithA4PrintStyles()
    {
        var html = HtmlReportRenderer.Render(Fixtures.Report("004"));
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("link, script[src], img[src]"));
        Assert.Contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }", html, StringComparison.Ordinal);
        Assert.Equal("zh-CN", document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Render_TextWithMarkup_IsEscaped()
    {
        var report = new ReportBuilder().WithSections("<script>alert(1)</script>").Build();

        var document = Parse(report);

        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Equal("<script>alert(1)</script>", document.QuerySelector("#overview p")!.TextContent);
    }

    private static IHtmlDocument Parse(AnnualReport report) => new HtmlParser().ParseDocument(HtmlReportRenderer.Render(report));
}
