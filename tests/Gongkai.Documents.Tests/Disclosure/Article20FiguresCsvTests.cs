using System.Text;
using Gongkai.Documents.Disclosure;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Documents.Tests.Disclosure;

/// <summary>The Art. 20 figures file (CSV), read by the one CSV reader (moved from the Domain tests, unchanged, plus the file's own cases).</summary>
public class Article20FiguresCsvTests
{
    [Fact]
    public void Csv_Gb18030_ReadsEveryRow()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("年度,事项,项目数量,处理决定数量,采购项目数量,金额(元)\r\n2020,行政许可,40,7646,,\r\n2020,政府集中采购,,,16,3487.1万元\r\n");

        var (figures, errors) = Article20FiguresCsv.Read(bytes);

        Assert.Empty(errors);
        Assert.Equal(new Article20Figure("administrativeLicensing", 2020, 40, 7646), figures[0]);
        Assert.Equal(new Article20Figure("centralizedProcurement", 2020, Projects: 16, AmountYuan: 34871000m), figures[1]);
    }

    [Fact]
    public void Csv_BadRows_EveryOneNamed_NothingRead()
    {
        var bytes = Encoding.UTF8.GetBytes("年度,事项,项目数量,处理决定数量\n2020,行政许可,40,7646\n2020,行政处罚,257,-3\n二〇二〇,行政强制,1,1\n2020,行政事业性收费,1,5\n2020,行政许可,1,1\n");

        var (figures, errors) = Article20FiguresCsv.Read(bytes);

        Assert.Empty(figures);
        Assert.Equal(
            ["第3行 处理决定数量：“-3”不是非负整数", "第4行 年度：“二〇二〇”不是年份，应如 2025", "第5行：行政事业性收费没有处理决定数量，请留空", "第6行 事项：2020年“行政许可”与第2行重复"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Csv_QuotedFieldsWithCommasAndLineBreaks_AreOneCell()
    {
        var bytes = Encoding.UTF8.GetBytes("年度,事项,金额（元）,采购项目数量\r\n2020,\"政府集中\r\n采购\",\"3,487,100\",16\r\n");

        var (figures, errors) = Article20FiguresCsv.Read(bytes);

        Assert.Equal(["第2行 事项：“政府集中\r\n采购”不是第二十条统计事项；应为 行政许可、其他对外管理服务事项、行政处罚、行政强制、行政事业性收费、政府集中采购"], errors.Select(e => e.ToString()));
        Assert.Empty(figures);
    }

    [Fact]
    public void Csv_QuotedAmountWithThousandsSeparators_IsRead()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFF年度,事项,金额（元）,采购项目数量\r\n2020,政府集中采购,\"3,487,100\",16\r\n");

        var (figures, errors) = Article20FiguresCsv.Read(bytes);

        Assert.Empty(errors);
        Assert.Equal(new Article20Figure("centralizedProcurement", 2020, Projects: 16, AmountYuan: 3487100m), Assert.Single(figures));
    }

    [Fact]
    public void Csv_UnclosedQuote_IsRefusedNamingTheRowWhereItBegan() =>
        Assert.Equal(
            ["第3行：引号不成对：从这一行开始的带引号（\"）的内容直到文件末尾都没有结束的引号"],
            Article20FiguresCsv.Read(Encoding.UTF8.GetBytes("年度,事项,处理决定数量\n2020,行政处罚,257\n2020,\"行政强制,1\n")).Errors.Select(e => e.ToString()));

    [Fact]
    public void Csv_WorkbookNamedCsv_IsRefusedSayingWhatToDo() =>
        Assert.Equal(
            ["文件扩展名为 .csv，但内容是Excel工作簿（.xlsx）；第二十条统计数请在Excel中另存为“CSV UTF-8（逗号分隔）”后上传"],
            Article20FiguresCsv.Read("PK\u0003\u0004rest"u8).Errors.Select(e => e.ToString()));

    [Fact]
    public void Csv_RaggedRow_IsNamedByRowAndColumn() =>
        Assert.Equal(
            ["第2行 D列：该列没有表头，无法识别“多出”；请填写列名或删除该列内容"],
            Article20FiguresCsv.Read(Encoding.UTF8.GetBytes("年度,事项,处理决定数量\n2020,行政处罚,257,多出\n")).Errors.Select(e => e.ToString()));
}
