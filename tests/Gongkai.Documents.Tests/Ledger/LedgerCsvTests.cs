using System.Text;
using Gongkai.Documents.Ledger;
using Gongkai.Domain.Applications;
using static Gongkai.Documents.Tests.Ledger.LedgerBuilder;

namespace Gongkai.Documents.Tests.Ledger;

/// <summary>CSV as Excel saves it: encodings, quoting, line ends, blank rows.</summary>
public class LedgerCsvTests
{
    static LedgerCsvTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    private static LedgerBuilder TwoCases() => Standard()
        .Row(Case(applicantType: "法律服务机构", applicant: "北京市某某律师事务所", channel: "邮寄", outcome: "4.保护第三方合法权益"))
        .Row(OpenCase());

    private static LedgerReadResult Read(byte[] bytes, string name = "台账.csv") => LedgerReader.Read(new MemoryStream(bytes), name, LedgerBuilder.Clock);

    private static LedgerReadResult Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Read_ValidCsv_ReturnsRowsNumberedAsInExcel()
    {
        var rows = LedgerAssert.Accepted(Standard().Row(Case()).Row(OpenCase()).ReadCsv());

        Assert.Equal(
            [
                new LedgerRow(2, "GK-2020-001", new DateOnly(2020, 3, 9), ApplicantType.NaturalPerson, "张三", Channel.Online, "2019年度财政预算执行情况", new DateOnly(2020, 3, 30), CaseOutcome.Granted),
                new LedgerRow(3, "GK-2020-002", new DateOnly(2020, 12, 28), ApplicantType.CommercialEnterprise, "某某科技有限公司", Channel.InPerson, "项目审批文件", null, null),
            ],
            rows);
    }

    [Fact]
    public void Read_Utf8WithBomWithoutBomAndGb18030_GiveTheSameRows()
    {
        var ledger = Standard().Row(Case(applicant: "𠀀某（生僻字）", outcome: "本机关不掌握相关政府信息")).Row(OpenCase());

        var utf8Bom = LedgerAssert.Accepted(ledger.ReadCsv(Encoding.UTF8, bom: true));
        var utf8 = LedgerAssert.Accepted(ledger.ReadCsv(Encoding.UTF8, bom: false));
        var gb = LedgerAssert.Accepted(ledger.ReadCsv(Gb18030));

        Assert.Equal(utf8Bom, utf8);
        Assert.Equal(utf8Bom, gb);
        Assert.Equal("𠀀某（生僻字）", gb[0].ApplicantName);
        Assert.Equal(CaseOutcome.NotHeld, gb[0].Outcome);
    }

    [Fact]
    public void Read_Gb18030BytesReadAsUtf8_WouldBeWrong_SoDetectionMatters()
    {
        // The test data must really differ between the encodings, or the test above proves nothing.
        var text = TwoCases().ToCsvText();

        Assert.NotEqual(Encoding.UTF8.GetBytes(text), Gb18030.GetBytes(text));
        Assert.Equal(LedgerAssert.Accepted(Read(Gb18030.GetBytes(text))), LedgerAssert.Accepted(Read(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Read_QuotedFieldsWithCommaQuoteAndNewline_KeepTextAndExcelRowNumbers()
    {
        var request = "关于“某某项目”的\"环评\"报告,\r\n以及批复文件";
        var ledger = Standard().Row(Case(applicant: "某某公司, 北京分公司", request: request)).Row(OpenCase());

        var rows = LedgerAssert.Accepted(ledger.ReadCsv());

        Assert.Equal("某某公司, 北京分公司", rows[0].ApplicantName);
        Assert.Equal(request, rows[0].Request);
        Assert.Equal(3, rows[1].RowNumber);
    }

    [Fact]
    public void Read_LfLineEndsBlankRowsAndTrailingEmptyLines_SkipsBlankRowsKeepsNumbers()
    {
        var text = Standard().Row(Case()).ToCsvText("\n") + ",,,,,,,\n\n" + Standard().Row(OpenCase()).ToCsvText("\n").Split('\n')[1] + "\n\n";

        var rows = LedgerAssert.Accepted(Read(text));

        Assert.Equal([2, 5], rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void Read_LeadingBlankLines_HeaderIsFirstNonBlankRow()
    {
        var rows = LedgerAssert.Accepted(Read("\r\n,,\r\n" + Standard().Row(Case()).ToCsvText()));

        Assert.Equal(4, rows[0].RowNumber);
    }

    [Fact]
    public void Read_TitleRowsAboveTheHeader_AreSkipped_RowsKeepTheirExcelNumbers()
    {
        var rows = LedgerAssert.Accepted(Read("示范区卫生健康局2025年政府信息公开申请登记台账,,\r\n填报单位：办公室,,填报日期：2026-01-05\r\n" + Standard().Row(Case()).ToCsvText()));

        Assert.Equal(4, rows[0].RowNumber);
    }

    [Fact]
    public void Read_NoRowNamesAColumn_RefusedSayingWhatTheHeaderIs()
    {
        var result = Read("张三,2025-03-01,自然人\r\n李四,2025-03-02,自然人\r\n");

        Assert.False(result.Succeeded);
        Assert.Empty(result.Rows);
        Assert.StartsWith("找不到表头：应有一行列名，如 申请编号、收到日期、申请人类型", Assert.Single(result.Messages()), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyFile_RefusesWithNoDataRows() => LedgerAssert.Refused(Read([]), "表格中没有数据行");

    [Fact]
    public void Read_OnlyBom_RefusesWithNoDataRows() => LedgerAssert.Refused(Read([0xEF, 0xBB, 0xBF]), "表格中没有数据行");

    [Fact]
    public void Read_UnclosedQuote_NamesTheRowWhereItBegins()
    {
        var text = Standard().Row(Case()).ToCsvText() + "GK-9,2020-03-09,自然人,\"李四,网络\r\n";

        LedgerAssert.Refused(Read(text), "第3行：引号不成对：从这一行开始的带引号（\"）的内容直到文件末尾都没有结束的引号");
    }

    [Fact]
    public void Read_BinaryJunkAsCsv_RefusesAsNotText() =>
        LedgerAssert.Refused(
            Read([0x00, 0x13, 0xFF, 0x80, 0x00, 0x42]),
            "文件不是CSV文本文件（含有二进制内容）；请在Excel中另存为“CSV UTF-8（逗号分隔）”或“Excel 工作簿（*.xlsx）”");

    [Fact]
    public void Read_WorkbookSavedAsCsvName_SaysItIsAnXlsx() =>
        LedgerAssert.Refused(
            Read(Standard().Row(Case()).ToXlsx()),
            "文件扩展名为 .csv，但内容是Excel工作簿（.xlsx）；请把扩展名改为 .xlsx 后重新上传");

    [Theory]
    [InlineData("台账.docx", "不支持“.docx”文件：台账应为 .xlsx 或 .csv 文件")]
    [InlineData("台账.xls", "不支持旧版Excel文件（.xls）；请在Excel中另存为“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）”再上传")]
    [InlineData("台账", "无法识别文件“台账”的类型：台账应为 .xlsx 或 .csv 文件")]
    public void Read_UnsupportedExtension_RefusesClearly(string name, string expected) =>
        LedgerAssert.Refused(Read(Encoding.UTF8.GetBytes(Standard().Row(Case()).ToCsvText()), name), expected);

    [Fact]
    public void Read_UpperCaseExtension_IsStillCsv() =>
        Assert.Single(LedgerAssert.Accepted(Read(Encoding.UTF8.GetBytes(Standard().Row(Case()).ToCsvText()), "台账.CSV")));
}
