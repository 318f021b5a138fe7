using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Documents.Ledger;

/// <summary>
/// Reads the first worksheet of an XLSX workbook, streaming so that a ledger of 100,000 rows stays cheap.
/// Cells become their text as a person sees it: shared and inline strings (without phonetic runs), numbers in
/// invariant form, and numbers with a date format (OLE serial dates) as <c>yyyy-MM-dd</c>, which the ledger's date
/// parser reads like a typed date. Rows and cells missing from the sparse XML are empty.
/// </summary>
internal sealed class XlsxTable : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorksheetPart _sheet;
    private readonly string[] _sharedStrings;
    private readonly bool[] _dateStyles;

    private XlsxTable(SpreadsheetDocument document, WorksheetPart sheet)
    {
        _document = document;
        _sheet = sheet;
        var workbook = document.WorkbookPart!;
        _sharedStrings = workbook.SharedStringTablePart is { } strings ? ReadSharedStrings(strings) : [];
        _dateStyles = workbook.WorkbookStylesPart?.Stylesheet is { } styles ? ReadDateStyles(styles) : [];
    }

    /// <summary>Opens the workbook's first worksheet, or null with a reason when there is none.</summary>
    public static XlsxTable? Open(Stream content, out string? refusal)
    {
        refusal = null;
        var document = SpreadsheetDocument.Open(content, isEditable: false);
        if (document.WorkbookPart is not { Workbook: not null } workbookPart)
        {
            document.Dispose();
            refusal = LedgerReader.NotAWorkbook;
            return null;
        }

        WorksheetPart? first = null;
        if (workbookPart is { Workbook.Sheets: { } sheets } workbook)
        {
            foreach (var sheet in sheets.Elements<Sheet>())
            {
                if (sheet.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
                {
                    first = worksheet;
                    break;
                }
            }
        }

        if (first is null)
        {
            document.Dispose();
            refusal = "Excel工作簿中没有工作表";
            return null;
        }

        return new XlsxTable(document, first);
    }

    public void Dispose() => _document.Dispose();

    /// <summary>The worksheet's rows that have any cell, in order, numbered as Excel numbers them.</summary>
    public IEnumerable<SheetRow> Rows()
    {
        // A plain XmlReader over the part: several times faster than OpenXmlReader, which builds an element per node.
        using var xml = OpenXml(_sheet);
        var names = new Names(xml.NameTable);
        var cells = new List<string?>(16);
        var text = new StringBuilder();
        var value = new StringBuilder();
        var rowNumber = 0;
        var column = -1;
        string? type = null;
        var style = 0;
        var inCell = false;
        var inValue = false;
        var inText = false;
        var inPhonetic = false;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    var name = xml.LocalName;
                    if (ReferenceEquals(name, names.Row))
                    {
                        rowNumber = Number(xml.GetAttribute("r")) ?? rowNumber + 1;
                        column = -1;
                        cells.Clear();
                    }
                    else if (ReferenceEquals(name, names.Cell))
                    {
                        column = ColumnIndex(xml.GetAttribute("r")) ?? column + 1;
                        type = xml.GetAttribute("t");
                        style = Number(xml.GetAttribute("s")) ?? 0;
                        text.Clear();
                        value.Clear();
                        inCell = !xml.IsEmptyElement;
                    }
                    else if (inCell && ReferenceEquals(name, names.Value))
                    {
                        inValue = !xml.IsEmptyElement;
                    }
                    else if (inCell && ReferenceEquals(name, names.Text))
                    {
                        inText = !xml.IsEmptyElement;
                    }
                    else if (inCell && ReferenceEquals(name, names.Phonetic))
                    {
                        inPhonetic = !xml.IsEmptyElement;
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (inValue)
                    {
                        value.Append(xml.Value);
                    }
                    else if (inText && !inPhonetic)
                    {
                        text.Append(xml.Value);
                    }

                    break;
                case XmlNodeType.EndElement:
                    var end = xml.LocalName;
                    if (ReferenceEquals(end, names.Value))
                    {
                        inValue = false;
                    }
                    else if (ReferenceEquals(end, names.Text))
                    {
                        inText = false;
                    }
                    else if (ReferenceEquals(end, names.Phonetic))
                    {
                        inPhonetic = false;
                    }
                    else if (ReferenceEquals(end, names.Cell))
                    {
                        inCell = false;
                        var cellText = CellText(type, style, type == "inlineStr" ? text.ToString() : value.ToString());
                        if (!string.IsNullOrEmpty(cellText))
                        {
                            while (cells.Count <= column)
                            {
                                cells.Add(null);
                            }

                            cells[column] = cellText;
                        }
                    }
                    else if (ReferenceEquals(end, names.Row) && cells.Count > 0)
                    {
                        yield return new SheetRow(rowNumber, [.. cells]);
                        cells.Clear();
                    }

                    break;
            }
        }
    }

    private string? CellText(string? type, int style, string? value)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Length
                    ? _sharedStrings[i]
                    : null;
            case "inlineStr" or "str" or "e":
                return value;
            case "b":
                return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value;
            case "d":
                // ISO 8601 date cells (strict OOXML).
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
                    ? LedgerValues.Iso(DateOnly.FromDateTime(iso))
                    : value;
            default:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return value;
                }

                if (style < _dateStyles.Length && _dateStyles[style] && number >= 1 && number < 2958466)
                {
                    return LedgerValues.Iso(DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(number))));
                }

                return number.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The 0-based column of a cell reference (B7 → 1).</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters is > 0 and <= 3 ? index - 1 : null;
    }

    private static string[] ReadSharedStrings(SharedStringTablePart part)
    {
        using var xml = OpenXml(part);
        var names = new Names(xml.NameTable);
        var strings = new List<string>();
        var text = new StringBuilder();
        var inText = false;
        var inPhonetic = false;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    var name = xml.LocalName;
                    if (ReferenceEquals(name, names.StringItem))
                    {
                        text.Clear();
                        if (xml.IsEmptyElement)
                        {
                            strings.Add("");
                        }
                    }
                    else if (ReferenceEquals(name, names.Text))
                    {
                        inText = !xml.IsEmptyElement;
                    }
                    else if (ReferenceEquals(name, names.Phonetic))
                    {
                        inPhonetic = !xml.IsEmptyElement;
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (inText && !inPhonetic)
                    {
                        text.Append(xml.Value);
                    }

                    break;
                case XmlNodeType.EndElement:
                    var end = xml.LocalName;
                    if (ReferenceEquals(end, names.Text))
                    {
                        inText = false;
                    }
                    else if (ReferenceEquals(end, names.Phonetic))
                    {
                        inPhonetic = false;
                    }
                    else if (ReferenceEquals(end, names.StringItem))
                    {
                        strings.Add(text.ToString());
                    }

                    break;
            }
        }

        return [.. strings];
    }

    private static XmlReader OpenXml(OpenXmlPart part) =>
        XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CloseInput = true });

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The element names of SpreadsheetML, atomized so that they compare by reference.</summary>
    private sealed class Names(XmlNameTable table)
    {
        public string Row { get; } = table.Add("row");
        public string Cell { get; } = table.Add("c");
        public string Value { get; } = table.Add("v");
        public string Text { get; } = table.Add("t");
        public string Phonetic { get; } = table.Add("rPh");
        public string StringItem { get; } = table.Add("si");
    }

    /// <summary>For each cell style (cellXfs index), whether its number format shows a date.</summary>
    private static bool[] ReadDateStyles(Stylesheet styles)
    {
        var custom = new Dictionary<uint, string>();
        if (styles.NumberingFormats is { } formats)
        {
            foreach (var format in formats.Elements<NumberingFormat>())
            {
                if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code)
                {
                    custom[id] = code;
                }
            }
        }

        if (styles.CellFormats is not { } cellFormats)
        {
            return [];
        }

        var result = new List<bool>();
        foreach (var format in cellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            result.Add(custom.TryGetValue(id, out var code) ? IsDateFormat(code) : IsBuiltInDateFormat(id));
        }

        return [.. result];
    }

    /// <summary>Excel's built-in date/time formats, including the ones of the Chinese locale (27–36, 50–58).</summary>
    private static bool IsBuiltInDateFormat(uint id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>Whether a custom number format shows a date: y, m or d outside quotes, escapes and [..].</summary>
    internal static bool IsDateFormat(string code)
    {
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuotes)
            {
                inQuotes = c != '"';
            }
            else if (inBrackets)
            {
                inBrackets = c != ']';
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == '[')
            {
                inBrackets = true;
            }
            else if (c is '\\' or '_' or '*')
            {
                i++;
            }
            else if (c is 'y' or 'Y' or 'd' or 'D' or 'm' or 'M')
            {
                return true;
            }
        }

        return false;
    }
}
