using Gongkai.Documents.Reading;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>
/// The shapes real files come in (issue #15): crawled page text with cells run together, HTML inside a script,
/// layout text saved as .txt, page metadata around the title, label variants. Every recovered cell is marked.
/// </summary>
public sealed class ShapeTests
{
    private static string Corpus(string name) => Path.Combine(Paths.RepoRoot, "tests", "fixtures", "corpus", name);

    /// <summary>A crawled 2021-format page: chrome, the title, and the given lines for sections 三 and 四.</summary>
    private static string Crawled(params string[] tableLines) => string.Join("\n",
    [
        "首页 > 政务公开 > 政府信息公开年报",
        "河西区市场监督管理局2022年政府信息公开工作年度报告",
        "发布机构：河西区市场监督管理局　　发布日期：2023-01-20",
        "一、总体情况",
        "2022年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。",
        "二、主动公开政府信息情况",
        "行政规范性文件000",
        "三、收到和处理政府信息公开申请情况",
        .. tableLines,
        "五、存在的主要问题及改进情况",
        "一是政策解读不够丰富。",
        "六、其他需要报告的事项",
        "无。",
        "河西区市场监督管理局",
        "2023年1月20日",
        "主办单位：河西区市场监督管理局　网站标识码：4403070001",
    ]) + "\n";

    [Fact]
    public void ReadText_CellsRunTogether_IssueExampleSplitByRowTotalAndMarked()
    {
        var imported = new ReportImporter().ReadText("page.txt", Crawled("一、本年新收政府信息公开申请数量1800 02020"));

        Assert.True(imported.Succeeded, imported.Error);
        Assert.Equal([18, 0, 0, 0, 2, 0, 20], imported.Report!.Applications[ApplicationRowKeys.Received]);
        var recovered = Assert.Single(imported.Findings, f => f.Rule == ImportRules.Recovered && f.Location.Contains("applications.received.total"));
        Assert.Contains("source:line 9", recovered.Location);
        Assert.Contains("1800 02020", recovered.Message, StringComparison.Ordinal);
        Assert.Contains("18、0、0、0、2、0、20", recovered.Message, StringComparison.Ordinal);
        Assert.Contains("六类申请人之和等于总计", recovered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_TwoRowsOnOneLine_EachRowItsOwnSplit()
    {
        var imported = new ReportImporter().ReadText("page.txt", Crawled(
            "（三）不予公开1.属于国家秘密0000000",
            "4.保护第三方合法权益2000002 5.属于三类内部事务信息0100001"));

        var applications = imported.Report!.Applications;
        Assert.Equal([2, 0, 0, 0, 0, 0, 2], applications[ApplicationRowKeys.WithheldThirdPartyRights]);
        Assert.Equal([0, 1, 0, 0, 0, 0, 1], applications[ApplicationRowKeys.WithheldInternalAffairs]);
        Assert.Contains(imported.Findings, f => f.Rule == ImportRules.Recovered && f.Location.Contains("applications.withheld.internalAffairs.total"));
    }

    [Fact]
    public void ReadText_AmbiguousRun_CellsBlankAndCandidatesNamed()
    {
        // 1+1 = 2 and 11 = 11: "11112" splits as 1,1,_,… only with blanks; without NBSPs 11,1,1,… never sums.
        var imported = new ReportImporter().ReadText("page.txt", Crawled("一、本年新收政府信息公开申请数量1010000 11"));

        var received = imported.Report!.Applications[ApplicationRowKeys.Received];
        Assert.All(received, Assert.Null);
        var doubt = Assert.Single(imported.Findings, f => f.Rule == ImportRules.Uncertain && f.Location.Contains("applications.received"));
        Assert.Contains("种拆法", doubt.Message, StringComparison.Ordinal);
        Assert.Contains("单元格留空", doubt.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(imported.Findings, f => f.Rule == ImportRules.Recovered && f.Location.Contains("applications.received.total"));
    }

    [Fact]
    public void ReadText_ReviewDigitsRunTogether_SplitByGroupTotals()
    {
        var imported = new ReportImporter().ReadText("page.txt", Crawled("四、政府信息公开行政复议、行政诉讼情况", "1000100000 00000"));

        var review = imported.Report!.ReviewLitigation;
        Assert.Equal(1, review[ReviewLitigationGroup.Review, ReviewOutcome.Upheld]);
        Assert.Equal(1, review[ReviewLitigationGroup.Review, ReviewOutcome.Total]);
        Assert.Equal(0, review[ReviewLitigationGroup.LitigationAfterReview, ReviewOutcome.Total]);
        Assert.Contains(imported.Findings, f => f.Rule == ImportRules.Recovered && f.Location.Contains("reviewLitigation.review.total"));
    }

    [Fact]
    public void ReadText_CrawledPage_AgencyAndDateWithoutChrome()
    {
        var imported = new ReportImporter().ReadText("page.txt", Crawled("一、本年新收政府信息公开申请数量0000000"));

        Assert.Equal("河西区市场监督管理局", imported.Report!.Agency);
        Assert.Equal(new DateOnly(2023, 1, 20), imported.Report.PublishedOn);
        Assert.DoesNotContain("主办单位", imported.Report.Sections.Other, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_LabelVariants_规范性文件In2021AndMisprinted行政法复议Heading()
    {
        var text = Crawled("一、本年新收政府信息公开申请数量0000000")
            .Replace("行政规范性文件000", "规章215\n规范性文件302", StringComparison.Ordinal)
            .Replace("五、存在的主要问题", "四、政府信息公开行政法复议、行政诉讼情况\n000000000000000\n五、存在的主要问题", StringComparison.Ordinal);
        var imported = new ReportImporter().ReadText("page.txt", text);

        var report = imported.Report!;
        Assert.Equal(ReportTemplate.Format2021, report.Template);
        Assert.Equal(3m, report.Article20["normativeDocuments", "issued"]?.Number);
        Assert.Equal(2m, report.Article20["normativeDocuments", "inForce"]?.Number);
        Assert.DoesNotContain(imported.Findings, f => f.Rule == ImportRules.SectionMissing);
    }

    [Fact]
    public void ReadFile_ReportInsideScript_ReadLikeThePage()
    {
        var imported = new ReportImporter().ReadFile(Corpus("gen1.script.html"));

        Assert.True(imported.Succeeded, imported.Error);
        Assert.Equal(2022, imported.Report!.Year);
        Assert.Equal("河西区市场监督管理局", imported.Report.Agency);
        Assert.Equal(246, imported.Report.Applications[ApplicationRowKeys.Received, ApplicantColumn.Total]);
    }

    [Fact]
    public void ReadText_JsonInScriptWithEscapes_Read()
    {
        var inner = File.ReadAllText(Corpus("gen1.word.html"));
        var body = inner[(inner.IndexOf("<body", StringComparison.Ordinal))..];
        var json = System.Text.Json.JsonSerializer.Serialize(new { title = "正文", content = body });
        var page = $"<html><head><title>正文</title></head><body><script>var data = {json};</script></body></html>";

        var imported = new ReportImporter().ReadText("article.html", page);

        Assert.True(imported.Succeeded, imported.Error);
        Assert.Equal("河西区市场监督管理局", imported.Report!.Agency);
        Assert.Equal(246, imported.Report.Applications[ApplicationRowKeys.Received, ApplicantColumn.Total]);
    }

    [Fact]
    public void ReadFile_LayoutTextSavedAsTxt_ReadAsThePdf()
    {
        var fromText = new ReportImporter().ReadFile(Corpus("gen1.layout.txt"));
        var fromPdf = new ReportImporter().ReadFile(Corpus("gen1.pdf"));

        Assert.True(fromText.Succeeded, fromText.Error);
        fromPdf.Report!.Findings.Clear();
        fromText.Report!.Findings.Clear();
        Assert.Equal(ReportJson.Write(fromPdf.Report), ReportJson.Write(fromText.Report));
    }

    [Theory]
    [InlineData("标题:")]
    [InlineData("标题：")]
    [InlineData("正文")]
    [InlineData("当前位置：首页 > 年报 > ")]
    public void ReadText_MetadataBeforeTitle_NotTheAgency(string metadata)
    {
        var text = Crawled("一、本年新收政府信息公开申请数量0000000")
            .Replace("河西区市场监督管理局2022年", metadata + "河西区市场监督管理局2022年", StringComparison.Ordinal);

        var imported = new ReportImporter().ReadText("page.txt", text);

        Assert.Equal("河西区市场监督管理局", imported.Report!.Agency);
    }

    [Fact]
    public void ReadFile_EveryRecoveredCellInCorpus_MarkedWithSourceLine()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Paths.RepoRoot, "tests", "fixtures", "corpus"), "*.crawl.txt"))
        {
            var imported = new ReportImporter().ReadFile(file);
            var recovered = imported.Findings.Where(f => f.Rule == ImportRules.Recovered).ToList();
            Assert.NotEmpty(recovered);
            Assert.All(recovered, f => Assert.Contains(f.Location, l => l.StartsWith("source:line ", StringComparison.Ordinal)));

            // Every row of a crawled page runs its cells together: each cell read is one the reader recovered, and says so.
            var marked = recovered.SelectMany(f => f.Location).ToHashSet();
            foreach (var row in imported.Report!.Applications.Rows)
            {
                foreach (var column in ApplicantColumns.All)
                {
                    if (imported.Report.Applications[row.Key, column] is not null)
                    {
                        Assert.True(marked.Contains(ReportChecker.CellKey(row.Key, column)),
                            $"{Path.GetFileName(file)}: {ReportChecker.CellKey(row.Key, column)} read without an import-recovered finding");
                    }
                }
            }
        }
    }
}
