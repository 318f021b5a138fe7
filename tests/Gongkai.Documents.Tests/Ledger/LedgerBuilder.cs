using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Documents.Ledger;

namespace Gongkai.Documents.Tests.Ledger;

/// <summary>How an XLSX ledger stores its text cells.</summary>
public enum XlsxStrings
{
    /// <summary>In the shared string table, as Excel writes them.</summary>
    Shared,

    /// <summary>Inline in each cell, as many exporting systems write them.</summary>
    Inline,
}

/// <summary>
/// Writes small test ledgers as CSV text and as real XLSX workbooks (OpenXml). A cell is a string, a
/// <see cref="DateOnly"/> (in XLSX a date cell: an OLE serial number with a date format; in CSV its ISO text), a
/// number, or null (empty; absent from the XLSX row, as Excel leaves it).
/// </summary>
public sealed class LedgerBuilder
{
    /// <summary>The clock the tests read ledgers by: 2026-06-30 in China, so every date of 2008–2026 in the tests is past.</summary>
    public static TimeProvider Clock { get; } = new FixedClock(new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.FromHours(8)));

    /// <summary>The eight columns in the usual order.</summary>
    public static readonly string[] StandardHeader = ["申请编号", "收到日期", "申请人类型", "申请人", "申请方式", "申请内容", "办结日期", "办理结果"];

    private readonly List<object?[]> _rows = [];

    private LedgerBuilder(object?[] header) => _rows.Add(header);

    /// <summary>A ledger with the standard header.</summary>
    public static LedgerBuilder Standard() => new(StandardHeader);

    /// <summary>A ledger with the given header cells.</summary>
    public static LedgerBuilder WithHeader(params string?[] header) => new(header);

    /// <summary>A closed case in the standard columns; each value may be overridden.</summary>
    public static object?[] Case(
        string? number = "GK-2020-001",
        object? received = null,
        string? applicantType = "自然人",
        string? applicant = "张三",
        string? channel = "网络",
        string? request = "2019年度财政预算执行情况",
        object? closed = null,
        string? outcome = "予以公开") =>
        [number, received ?? "2020-03-09", applicantType, applicant, channel, request, closed ?? "2020-03-30", outcome];

    /// <summary>An open case (办结日期 and 办理结果 blank) in the standard columns.</summary>
    public static object?[] OpenCase(string? number = "GK-2020-002", string received = "2020-12-28") =>
        [number, received, "商业企业", "某某科技有限公司", "当面", "项目审批文件", null, null];

    public LedgerBuilder Row(params object?[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public LedgerBuilder Rows(IEnumerable<object?[]> rows)
    {
        _rows.AddRange(rows);
        return this;
    }

    /// <summary>The ledger as Excel saves CSV: fields quoted when they hold a comma, a quote or a line break.</summary>
    public string ToCsvText(string newline = "\r\n")
    {
        var sb = new StringBuilder();
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                var text = Text(row[i]);
                if (text.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                {
                    sb.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                }
                else
                {
                    sb.Append(text);
                }
            }

            sb.Append(newline);
        }

        return sb.ToString();
    }

    /// <summary>The CSV text encoded, with the encoding's preamble (BOM) when <paramref name="bom"/>.</summary>
    public byte[] ToCsv(Encoding encoding, bool bom = false) =>
        [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(ToCsvText())];

    /// <summary>The ledger as an XLSX workbook whose first sheet holds it (plus, optionally, a later sheet).</summary>
    public byte[] ToXlsx(XlsxStrings strings = XlsxStrings.Shared, LedgerBuilder? secondSheet = null, int firstRow = 1)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            AddStyles(workbookPart);
            var shared = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            AddSheet(workbookPart, sheets, 1, "台账", this, strings, shared, firstRow);
            if (secondSheet is not null)
            {
                AddSheet(workbookPart, sheets, 2, "说明", secondSheet, strings, shared, 1);
            }

            if (shared.Count > 0)
            {
                var table = new SharedStringTable();
                foreach (var text in shared.OrderBy(p => p.Value).Select(p => p.Key))
                {
                    table.AppendChild(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                }

                workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = table;
            }
        }

        return stream.ToArray();
    }

    public LedgerReadResult ReadCsv(Encoding? encoding = null, bool bom = false) =>
        LedgerReader.Read(new MemoryStream(ToCsv(encoding ?? Encoding.UTF8, bom)), "台账.csv", LedgerBuilder.Clock);

    public LedgerReadResult ReadXlsx(XlsxStrings strings = XlsxStrings.Shared) =>
        LedgerReader.Read(new MemoryStream(ToXlsx(strings)), "台账.xlsx", LedgerBuilder.Clock);

    private static string Text(object? cell) => cell switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>Style 0 general, 1 Excel's built-in date (numFmt 14), 2 a custom Chinese date format.</summary>
    private static void AddStyles(WorkbookPart workbookPart)
    {
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 176, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }) { Count = 1 },
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0 },
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 176, ApplyNumberFormat = true })
            { Count = 3 });
    }

    private static void AddSheet(
        WorkbookPart workbookPart, Sheets sheets, uint id, string name, LedgerBuilder ledger,
        XlsxStrings strings, Dictionary<string, int> shared, int firstRow)
    {
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        sheets.AppendChild(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = id, Name = name });

        // Streamed, so that the performance test can build 100,000 rows quickly.
        using var writer = OpenXmlWriter.Create(sheetPart);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        var rowNumber = firstRow;
        foreach (var row in ledger._rows)
        {
            writer.WriteStartElement(new Row { RowIndex = (uint)rowNumber });
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is { } value && XlsxCell(value, strings, shared) is { } cell)
                {
                    cell.CellReference = LedgerTestColumns.Letters(i) + rowNumber.ToString(CultureInfo.InvariantCulture);
                    writer.WriteElement(cell);
                }
            }

            writer.WriteEndElement();
            rowNumber++;
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static Cell? XlsxCell(object value, XlsxStrings strings, Dictionary<string, int> shared)
    {
        switch (value)
        {
            case DateOnly date:
                var serial = date.ToDateTime(TimeOnly.MinValue).ToOADate();
                return new Cell { StyleIndex = 1, CellValue = new CellValue(serial.ToString(CultureInfo.InvariantCulture)) };
            case XlsxDate chinese:
                var oa = chinese.Date.ToDateTime(TimeOnly.MinValue).ToOADate();
                return new Cell { StyleIndex = 2, CellValue = new CellValue(oa.ToString(CultureInfo.InvariantCulture)) };
            case double or int:
                return new Cell { CellValue = new CellValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)) };
            case string { Length: 0 }:
                return null;
            case string text when strings == XlsxStrings.Inline:
                return new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString };
            case string text:
                if (!shared.TryGetValue(text, out var index))
                {
                    index = shared.Count;
                    shared.Add(text, index);
                }

                return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
            default:
                throw new ArgumentException($"Unsupported cell {value}", nameof(value));
        }
    }
}

/// <summary>A date cell shown with a custom Chinese number format (yyyy"年"m"月"d"日").</summary>
public readonly record struct XlsxDate(DateOnly Date);

internal static class LedgerTestColumns
{
    public static string Letters(int index) => index < 26 ? ((char)('A' + index)).ToString() : "A" + (char)('A' + index - 26);
}

/// <summary>A clock that always says the same moment.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
