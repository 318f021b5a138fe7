using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Domain.Calendar;

namespace Gongkai.Documents.Ledger;

/// <summary>
/// Reads an agency's ledger (台账) of 依申请公开 applications kept in Excel, saved as CSV (UTF-8 or GB18030) or
/// XLSX, into validated <see cref="Gongkai.Domain.Applications.LedgerRow"/>s. The header row names the columns 申请编号 (optional), 收到日期,
/// 申请人类型, 申请人, 申请方式 (optional), 申请内容 (optional), 办结日期 and 办理结果, in any order. A file with any
/// bad row is refused whole, every problem named by row and column (see README.md in this folder).
/// </summary>
public static class LedgerReader
{
    internal const string NotAWorkbook = "文件不是有效的Excel工作簿（.xlsx），可能已损坏或只是改了扩展名；请在Excel中打开后另存为“Excel 工作簿（*.xlsx）”再上传";

    /// <summary>A workbook whose parts contradict each other: what is wrong, and how to get a sound file.</summary>
    internal static string Damaged(string what) => $"Excel工作簿已损坏：{what}；请在Excel中打开后另存为“Excel 工作簿（*.xlsx）”再上传";

    /// <summary>
    /// Reads <paramref name="content"/>, choosing CSV or XLSX by the extension of <paramref name="fileName"/>.
    /// Never throws for bad content: an unreadable file is a result with one error. Dates before the Regulation took
    /// effect (2008-05-01) or after today by <paramref name="clock"/> (in China) are refused, naming row and column.
    /// </summary>
    public static LedgerReadResult Read(Stream content, string fileName, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(clock);
        var today = ChinaTime.Today(clock);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".csv" => ReadCsv(content, today),
            ".xlsx" => ReadXlsx(content, today),
            ".xls" => LedgerReadResult.Refused("不支持旧版Excel文件（.xls）；请在Excel中另存为“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）”再上传"),
            "" => LedgerReadResult.Refused($"无法识别文件“{fileName}”的类型：台账应为 .xlsx 或 .csv 文件"),
            _ => LedgerReadResult.Refused($"不支持“{extension}”文件：台账应为 .xlsx 或 .csv 文件"),
        };
    }

    private static LedgerReadResult ReadCsv(Stream content, DateOnly today)
    {
        var bytes = ReadAll(content);
        var text = CsvTable.Decode(bytes.Span, "请把扩展名改为 .xlsx 后重新上传", out var refusal);
        if (text is null)
        {
            return LedgerReadResult.Refused(refusal!);
        }

        var validator = new LedgerValidator(today);
        foreach (var row in CsvTable.Rows(text, unclosedQuoteAt: r =>
            validator.FileError(r, "引号不成对：从这一行开始的带引号（\"）的内容直到文件末尾都没有结束的引号")))
        {
            validator.Accept(row);
        }

        return validator.Finish();
    }

    private static LedgerReadResult ReadXlsx(Stream content, DateOnly today)
    {
        var seekable = content.CanSeek ? content : new MemoryStream(ReadAll(content).ToArray());
        if (seekable.Length - seekable.Position == 0)
        {
            return new LedgerValidator(today).Finish();
        }

        var validator = new LedgerValidator(today);
        try
        {
            using var table = XlsxTable.Open(seekable, out var refusal);
            if (table is null)
            {
                return LedgerReadResult.Refused(refusal!);
            }

            foreach (var row in table.Rows())
            {
                validator.Accept(row);
            }

            if (table.Damage is { } damage)
            {
                return LedgerReadResult.Refused(damage);
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or IOException)
        {
            // Expected bad input (junk bytes, a truncated or foreign ZIP), not a bug.
            return LedgerReadResult.Refused(NotAWorkbook);
        }

        return validator.Finish();
    }

    private static ReadOnlyMemory<byte> ReadAll(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
