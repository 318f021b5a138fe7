using System.IO.Compression;
using System.Text;
using Gongkai.Documents.Ledger;
using static Gongkai.Documents.Tests.Ledger.LedgerBuilder;

namespace Gongkai.Documents.Tests.Ledger;

/// <summary>Issue #10: damaged workbooks (a part missing, references out of Excel's range) are refused in Chinese, never thrown.</summary>
public class LedgerXlsxDamageTests
{
    private const string NotAWorkbook = "文件不是有效的Excel工作簿（.xlsx），可能已损坏或只是改了扩展名；请在Excel中打开后另存为“Excel 工作簿（*.xlsx）”再上传";

    private static LedgerReadResult Read(byte[] bytes) => LedgerReader.Read(new MemoryStream(bytes), "台账.xlsx", LedgerBuilder.Clock);

    private static byte[] Valid() => Standard().Row(Case()).Row(Case(number: "GK-2")).ToXlsx();

    /// <summary>The workbook with its parts rewritten: <paramref name="edit"/> gets each part's name and XML, returns null to drop it.</summary>
    internal static byte[] Edit(byte[] xlsx, Func<string, string, string?> edit)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                string text;
                using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
                {
                    text = reader.ReadToEnd();
                }

                if (edit(entry.FullName, text) is not { } changed)
                {
                    continue;
                }

                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(changed);
            }
        }

        return output.ToArray();
    }

    private static readonly string MissingPart = Damaged("工作簿列出的部分（工作表、共享字符串或样式）在文件中不存在");

    private static string Damaged(string what) =>
        $"Excel工作簿已损坏：{what}；请在Excel中打开后另存为“Excel 工作簿（*.xlsx）”再上传";

    [Fact]
    public void Read_WithoutItsSheetPart_IsRefused()
    {
        var bytes = Edit(Valid(), (name, xml) => name.Contains("worksheets/", StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal) ? null : xml);

        LedgerAssert.Refused(Read(bytes), MissingPart);
    }

    [Fact]
    public void Read_WithoutItsSharedStrings_IsRefusedAsDamaged()
    {
        var bytes = Edit(Valid(), (name, xml) => name.Contains("sharedStrings", StringComparison.OrdinalIgnoreCase) ? null : xml);

        LedgerAssert.Refused(Read(bytes), MissingPart);
    }

    [Fact]
    public void Read_WithoutWorkbookXml_IsRefusedAsDamaged()
    {
        var bytes = Edit(Valid(), (name, xml) => name.EndsWith("workbook.xml", StringComparison.Ordinal) ? null : xml);

        LedgerAssert.Refused(Read(bytes), MissingPart);
    }

    [Fact]
    public void Read_SharedStringIndexBeyondTheTable_IsRefusedNamingTheCell()
    {
        var bytes = Edit(Valid(), (name, xml) => name.Contains("worksheets/", StringComparison.Ordinal)
            ? ReplaceFirstValue(xml, "4000")
            : xml);

        LedgerAssert.Refused(Read(bytes), Damaged("第1行A列引用的共享字符串（sharedStrings.xml中第4001项）不存在"));
    }

    [Fact]
    public void Read_BrokenZipEntry_IsRefusedAsNotAWorkbook()
    {
        var bytes = Valid();
        var flipped = bytes.ToArray();
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 40; i++)
        {
            flipped[i] ^= 0x5A;
        }

        LedgerAssert.Refused(Read(flipped), NotAWorkbook);
    }

    [Theory]
    [InlineData("ZZZZZZ1")]
    [InlineData("XFE1")]
    public void Read_CellReferenceBeyondExcelsColumns_IsRefusedAsDamaged(string reference)
    {
        var bytes = Edit(Valid(), (name, xml) => name.Contains("worksheets/", StringComparison.Ordinal)
            ? ReplaceFirstCellReference(xml, reference)
            : xml);

        LedgerAssert.Refused(Read(bytes), Damaged($"单元格引用“{reference}”超出Excel的范围（最多1048576行、XFD列）"));
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("1048577")]
    [InlineData("0")]
    public void Read_RowNumberBeyondExcelsRows_IsRefusedAsDamaged(string number)
    {
        var bytes = Edit(Valid(), (name, xml) => name.Contains("worksheets/", StringComparison.Ordinal)
            ? ReplaceFirstRowNumber(xml, number)
            : xml);

        LedgerAssert.Refused(Read(bytes), Damaged($"行号“{number}”超出Excel的范围（1至1048576）"));
    }

    private static string ReplaceFirstCellReference(string xml, string reference)
    {
        var at = xml.IndexOf("<x:c r=\"", StringComparison.Ordinal) is var x and >= 0 ? x + 8 : xml.IndexOf("<c r=\"", StringComparison.Ordinal) + 6;
        var end = xml.IndexOf('"', at);
        return xml[..at] + reference + xml[end..];
    }

    private static string ReplaceFirstValue(string xml, string value)
    {
        var at = xml.IndexOf("<x:v>", StringComparison.Ordinal) is var x and >= 0 ? x + 5 : xml.IndexOf("<v>", StringComparison.Ordinal) + 3;
        var end = xml.IndexOf('<', at);
        return xml[..at] + value + xml[end..];
    }

    private static string ReplaceFirstRowNumber(string xml, string number)
    {
        var at = xml.IndexOf("<x:row r=\"", StringComparison.Ordinal) is var x and >= 0 ? x + 10 : xml.IndexOf("<row r=\"", StringComparison.Ordinal) + 8;
        var end = xml.IndexOf('"', at);
        return xml[..at] + number + xml[end..];
    }

    [Theory]
    [InlineData("yyyy-mm-dd", true)]
    [InlineData("yyyy\"年\"m\"月\"d\"日\"", true)]
    [InlineData("m/d", true)]
    [InlineData("mmm", true)]
    [InlineData("[$-804]yyyy年m月", true)]
    [InlineData("[h]:mm", false)]
    [InlineData("[hh]:mm:ss", false)]
    [InlineData("[mm]:ss", false)]
    [InlineData("[m]", false)]
    [InlineData("[s]", false)]
    [InlineData("h:mm", false)]
    [InlineData("h:mm AM/PM", false)]
    [InlineData("mm:ss", false)]
    [InlineData("0.00", false)]
    [InlineData("#,##0\"元\"", false)]
    [InlineData("[Red]0", false)]
    public void IsDateFormat_DatesYesDurationsAndTimesNo(string code, bool expected) =>
        Assert.Equal(expected, XlsxTable.IsDateFormat(code));
}
