using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Documents.Tables;

/// <summary>
/// A plain table written for spreadsheet programs: CSV (RFC 4180, UTF-8 with BOM so that Excel and WPS read the
/// Chinese) or XLSX (one sheet, header row bold-free and frozen-free: the office sorts and filters it itself). A cell
/// is text or a number; numbers stay numbers in XLSX so that the office can sum them.
/// </summary>
public static class TableExport
{
    /// <summary>Writes the table as CSV. A text starting with = + - @ gets a leading apostrophe (no formula runs when opened).</summary>
    public static void WriteCsv(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write('\uFEFF');
        writer.Write(string.Join(",", headers.Select(h => Quote(h))));
        writer.Write("\r\n");
        foreach (var row in rows)
        {
            writer.Write(string.Join(",", row.Select(c => c switch
            {
                null => string.Empty,
                int or long or decimal => Convert.ToString(c, CultureInfo.InvariantCulture)!,
                _ => Quote(Convert.ToString(c, CultureInfo.InvariantCulture) ?? string.Empty),
            })));
            writer.Write("\r\n");
        }
    }

    /// <summary>Writes the table as an XLSX workbook with one sheet named <paramref name="sheetName"/>.</summary>
    public static void WriteXlsx(Stream stream, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(headers));
        foreach (var row in rows)
        {
            data.Append(Row(row));
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName });
        workbook.Workbook.Save();
    }

    private static Row Row(IEnumerable<object?> cells)
    {
        var row = new Row();
        foreach (var c in cells)
        {
            row.Append(c switch
            {
                null => new Cell(),
                int or long or decimal => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(c, CultureInfo.InvariantCulture)!) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(c, CultureInfo.InvariantCulture) ?? string.Empty)) },
            });
        }

        return row;
    }

    private static string Quote(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
