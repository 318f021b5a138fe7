using System.IO.Compression;
using System.Text;
using Gongkai.Documents.Ledger;
using Gongkai.Domain.Applications;
using static Gongkai.Documents.Tests.Ledger.LedgerBuilder;

namespace Gongkai.Documents.Tests.Ledger;

/// <summary>XLSX workbooks: date cells, shared and inline strings, sparse rows, corrupt files.</summary>
public class LedgerXlsxTests
{
    private const string NotAWorkbook = "文件不是有效的Excel工作簿（.xlsx），可能已损坏或只是改了扩展名；请在Excel中打开后另存为“Excel 工作簿（*.xlsx）”再上传";

    private static LedgerReadResult Read(byte[] bytes) => LedgerReader.Read(new MemoryStream(bytes), "台账.xlsx", LedgerBuilder.Clock);

    [Fact]
    public void Read_DateCellsWithBuiltInAndChineseFormats_ReadAsDates()
    {
        var ledger = Standard().Row(Case(received: new DateOnly(2020, 3, 9), closed: new XlsxDate(new DateOnly(2020, 3, 30))));

        var row = Assert.Single(LedgerAssert.Accepted(ledger.ReadXlsx()));

        Assert.Equal(new DateOnly(2020, 3, 9), row.ReceivedOn);
        Assert.Equal(new DateOnly(2020, 3, 30), row.ClosedOn);
    }

    [Theory]
    [InlineData("2020-03-09")]
    [InlineData("2020/3/9")]
    [InlineData("2020.3.9")]
    [InlineData("2020年3月9日")]
    public void Read_DatesTypedAsTextInXlsx_ReadAsDates(string written)
    {
        var row = Assert.Single(LedgerAssert.Accepted(Standard().Row(Case(received: written)).ReadXlsx()));

        Assert.Equal(new DateOnly(2020, 3, 9), row.ReceivedOn);
    }

    [Fact]
    public void Read_DateCellsClosedBeforeReceipt_ReportsInIsoForm()
    {
        var ledger = Standard().Row(Case(received: new DateOnly(2020, 3, 9), closed: new DateOnly(2020, 3, 1)));

        LedgerAssert.Refused(ledger.ReadXlsx(), "第2行 办结日期：2020-03-01早于收到日期2020-03-09");
    }

    [Fact]
    public void Read_PlainNumberInDateColumn_IsNotTakenForADate()
    {
        // Excel shows an unformatted serial as 43899; the ledger keeper sees a number, not a date.
        LedgerAssert.Refused(
            Standard().Row(Case(received: 43899)).ReadXlsx(),
            "第2行 收到日期：“43899”不是日期，应写作 2020-03-09、2020/3/9、2020.3.9 或 2020年3月9日");
    }

    [Fact]
    public void Read_SharedAndInlineStrings_GiveTheSameRowsAsCsv()
    {
        var ledger = Standard()
            .Row(Case(applicant: "北京市某某律师事务所", applicantType: "法律服务机构", request: "多行\n内容", outcome: "（五）2.重复申请"))
            .Row(OpenCase());

        var csv = LedgerAssert.Accepted(ledger.ReadCsv());

        Assert.Equal(csv, LedgerAssert.Accepted(ledger.ReadXlsx(XlsxStrings.Shared)));
        Assert.Equal(csv, LedgerAssert.Accepted(ledger.ReadXlsx(XlsxStrings.Inline)));
    }

    [Fact]
    public void Read_SparseRowsWithMissingCells_AreEmptyCells()
    {
        // The open case has no G/H cells at all, and Channel/Request are missing in the middle of row 3.
        var ledger = Standard().Row(OpenCase()).Row(Case(number: "GK-3", channel: "", request: ""));

        var rows = LedgerAssert.Accepted(ledger.ReadXlsx());

        Assert.Null(rows[0].ClosedOn);
        Assert.Null(rows[0].Outcome);
        Assert.Null(rows[1].Channel);
        Assert.Null(rows[1].Request);
        Assert.Equal(CaseOutcome.Granted, rows[1].Outcome);
    }

    [Fact]
    public void Read_HeaderLowerInSheetAndEmptyRows_NumbersRowsAsExcelShowsThem()
    {
        var bytes = Standard().Row(Case()).Row().Row(Case(number: "GK-5", applicantType: "个人")).ToXlsx(firstRow: 3);

        LedgerAssert.Refused(Read(bytes), "第6行 申请人类型：“个人”不是申请人类型，应为 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他 之一");
    }

    [Fact]
    public void Read_NumericCellInNumberColumn_ReadsAsItsDigits()
    {
        var cells = Case();
        cells[0] = 20200001;

        var row = Assert.Single(LedgerAssert.Accepted(Standard().Row(cells).ReadXlsx()));

        Assert.Equal("20200001", row.Number);
    }

    [Fact]
    public void Read_WorkbookWithSeveralSheets_ReadsTheFirst()
    {
        var notes = WithHeader("说明").Row("本表为2020年台账");

        var bytes = Standard().Row(Case()).ToXlsx(secondSheet: notes);

        Assert.Equal("张三", Assert.Single(LedgerAssert.Accepted(Read(bytes))).ApplicantName);
    }

    [Fact]
    public void Read_JunkBytesAsXlsx_RefusesAsNotAWorkbook() =>
        LedgerAssert.Refused(Read(Encoding.UTF8.GetBytes("这不是Excel文件\0\u0001\u0002")), NotAWorkbook);

    [Fact]
    public void Read_CsvTextNamedXlsx_RefusesAsNotAWorkbook() =>
        LedgerAssert.Refused(Read(Encoding.UTF8.GetBytes(Standard().Row(Case()).ToCsvText())), NotAWorkbook);

    [Fact]
    public void Read_TruncatedXlsx_RefusesAsNotAWorkbook()
    {
        var bytes = Standard().Rows(Enumerable.Range(1, 200).Select(i => Case(number: $"GK-{i}"))).ToXlsx();

        LedgerAssert.Refused(Read(bytes[..(bytes.Length / 2)]), NotAWorkbook);
    }

    [Fact]
    public void Read_ZipThatIsNotAWorkbook_RefusesAsNotAWorkbook()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        LedgerAssert.Refused(Read(zip.ToArray()), NotAWorkbook);
    }

    [Fact]
    public void Read_EmptyXlsxFile_RefusesWithNoDataRows() => LedgerAssert.Refused(Read([]), "表格中没有数据行");

    [Fact]
    public void Read_WorkbookWithHeaderOnly_RefusesWithNoDataRows() =>
        LedgerAssert.Refused(Standard().ReadXlsx(), "表格中没有数据行");

    [Fact]
    public void Read_NonSeekableStream_ReadsTheSame()
    {
        var bytes = Standard().Row(Case()).ToXlsx();

        var result = LedgerReader.Read(new NonSeekableStream(bytes), "台账.xlsx", LedgerBuilder.Clock);

        Assert.Single(LedgerAssert.Accepted(result));
    }

    /// <summary>An upload stream, which cannot seek.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
