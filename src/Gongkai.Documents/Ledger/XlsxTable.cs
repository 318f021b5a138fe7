using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Domain.Text;

namespace Gongkai.Documents.Ledger;

/// <summary>
/// Reads the first worksheet of an XLSX workbook, streaming so that a ledger of 100,000 rows stays cheap.
/// Cells become their text as a person sees it: shared and inline strings (without phonetic runs), numbers in
/// invariant form, and numbers with a date format (OLE serial dates) as <c>yyyy-MM-dd</c>, which the ledger's date
/// parser reads like a typed date. Rows and cells missing from the sparse XML are empty.
/// </summary>
internal sealed class XlsxTable : IDisposable
{
    /// <summary>Excel's last row (1,048,576) and column (XFD, 16,384).</summary>
    private const int MaxRow = 1_048_576;
    private const int MaxColumn = 16_384;

    private readonly SpreadsheetDocument _document;
    private readonly WorksheetPart _sheet;
    private readonly string[] _sharedStrings = [];
    private readonly bool[] _dateStyles;

    private XlsxTable(SpreadsheetDocument document, WorkbookPart workbook, WorksheetPart sheet)
    {
        _document = document;
        _sheet = sheet;
        _sharedStrings = workbook.SharedStringTablePart is { } strings ? ReadSharedStrings(strings) : [];
        _dateStyles = workbook.WorkbookStylesPart?.Stylesheet is { } styles ? ReadDateStyles(styles) : [];
    }

    /// <summary>
    /// Why the sheet cannot be trusted, found while reading <see cref="Rows"/> (a cell or row reference beyond Excel's
    /// range, a shared string that is not there); null while it is sound. The rows read so far must then be dropped.
    /// </summary>
    public string? Damage { get; private set; }

    /// <summary>Opens the workbook's first worksheet, or null with a reason when there is none.</summary>
    public static XlsxTable? Open(Stream content, out string? refusal)
    {
        refusal = null;
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(content, isEditable: false);
        }
        catch (InvalidOperationException)
        {
            // System.IO.Packaging's answer when a relationship points at a part the ZIP does not hold; the SDK loads
            // every part on opening, so this is the one place it can surface.
            refusal = LedgerReader.Damaged("工作簿列出的部分（工作表、共享字符串或样式）在文件中不存在");
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // A package whose [Content_Types].xml or relationships name parts by invalid URIs (found by fuzzing).
            refusal = LedgerReader.NotAWorkbook;
            return null;
        }

        if (document.WorkbookPart is not { Workbook: not null } workbookPart)
        {
            document.Dispose();
            refusal = LedgerReader.NotAWorkbook;
            return null;
        }

        WorksheetPart? first = null;
        string? missing = null;
        if (workbookPart is { Workbook.Sheets: { } sheets } workbook)
        {
            foreach (var sheet in sheets.Elements<Sheet>())
            {
                if (sheet.Id?.Value is not { } id)
                {
                    continue;
                }

                if (workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
                {
                    first = worksheet;
                    break;
                }

                // Listed in workbook.xml, but with no part behind its relationship.
                missing ??= sheet.Name?.Value ?? id;
            }
        }

        if (first is null)
        {
            document.Dispose();
            refusal = missing is null ? "Excel工作簿中没有工作表" : LedgerReader.Damaged($"工作表“{missing}”的内容缺失");
            return null;
        }

        return new XlsxTable(document, workbookPart, first);
    }

    public void Dispose() => _document.Dispose();

    /// <summary>
    /// The worksheet's rows that have any cell, in order, numbered as Excel numbers them. Stops at the first damage
    /// (see <see cref="Damage"/>).
    /// </summary>
    public IEnumerable<SheetRow> Rows() => Walk(_sheet, sharedStrings: null);

    /// <summary>
    /// The one reader of SpreadsheetML text: the sheet's rows and cells, and the items (<c>si</c>) of the shared
    /// strings, which hold text the same way inline strings do (runs of <c>t</c>, phonetic runs <c>rPh</c> left out).
    /// Items are added to <paramref name="sharedStrings"/> when given.
    /// </summary>
    private IEnumerable<SheetRow> Walk(OpenXmlPart part, List<string>? sharedStrings)
    {
        // A plain XmlReader over the part: several times faster than OpenXmlReader, which builds an element per node.
        using var xml = OpenXml(part);
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
                        var r = xml.GetAttribute("r");
                        rowNumber = r is null ? rowNumber + 1 : Number(r) ?? 0;
                        if (rowNumber is < 1 or > MaxRow)
                        {
                            Damage = LedgerReader.Damaged($"行号“{r ?? rowNumber.ToString(CultureInfo.InvariantCulture)}”超出Excel的范围（1至1048576）");
                            yield break;
                        }

                        column = -1;
                        cells.Clear();
                    }
                    else if (ReferenceEquals(name, names.Cell))
                    {
                        var reference = xml.GetAttribute("r");
                        column = reference is null ? column + 1 : ColumnIndex(reference) ?? MaxColumn;
                        if (column >= MaxColumn)
                        {
                            Damage = LedgerReader.Damaged($"单元格引用“{reference}”超出Excel的范围（最多1048576行、XFD列）");
                            yield break;
                        }

                        type = xml.GetAttribute("t");
                        style = Number(xml.GetAttribute("s")) ?? 0;
                        text.Clear();
                        value.Clear();
                        inCell = !xml.IsEmptyElement;
                    }
                    else if (ReferenceEquals(name, names.StringItem))
                    {
                        text.Clear();
                        if (xml.IsEmptyElement)
                        {
                            sharedStrings?.Add(string.Empty);
                        }
                    }
                    else if (inCell && ReferenceEquals(name, names.Value))
                    {
                        inValue = !xml.IsEmptyElement;
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
                    else if (ReferenceEquals(end, names.StringItem))
                    {
                        sharedStrings?.Add(text.ToString());
                    }
                    else if (ReferenceEquals(end, names.Cell) && inCell)
                    {
                        inCell = false;
                        var cellText = CellText(type, style, type == "inlineStr" ? text.ToString() : value.ToString(), rowNumber, column);
                        if (Damage is not null)
                        {
                            yield break;
                        }

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

    private string? CellText(string? type, int style, string value, int row, int column)
    {
        switch (type)
        {
            case "s":
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Length)
                {
                    return _sharedStrings[i];
                }

                // A reference to text that is not in the file: reading the cell as blank would misreport the row.
                Damage = LedgerReader.Damaged(string.Create(CultureInfo.InvariantCulture,
                    $"第{row}行{LedgerColumns.Letters(column)}列引用的共享字符串（sharedStrings.xml中第{(long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (n + 1).ToString(CultureInfo.InvariantCulture) : value)}项）不存在"));
                return null;
            case "inlineStr" or "str" or "e":
                return value;
            case "b":
                return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value;
            case "d":
                // ISO 8601 date cells (strict OOXML).
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
                    ? DateText.Iso(DateOnly.FromDateTime(iso))
                    : value;
            default:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return value;
                }

                if (style >= 0 && style < _dateStyles.Length && _dateStyles[style] && number >= 1 && number < 2958466)
                {
                    return DateText.Iso(DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(number))));
                }

                return number.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The 0-based column of a cell reference (B7 → 1); null when it is not a reference (no letters, or more than 3).</summary>
    private static int? ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
                letters++;
                if (letters > 3)
                {
                    return null;
                }
            }
            else
            {
                break;
            }
        }

        if (letters == 0)
        {
            return null;
        }

        // The digits after the letters are the row; a row beyond Excel's makes the reference as bad as a column would.
        var digits = reference.AsSpan(letters);
        return digits.Length == 0 || (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row is >= 1 and <= MaxRow)
            ? index - 1
            : null;
    }

    private string[] ReadSharedStrings(SharedStringTablePart part)
    {
        var strings = new List<string>();
        foreach (var unused in Walk(part, strings))
        {
            // A shared-strings part holds no rows; whatever it pretends to hold is ignored.
        }

        Damage = null;
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
                // Attributes read as text: the SDK's typed values throw on an id like "-1" (found by fuzzing).
                if (UnsignedNumber(format.NumberFormatId?.InnerText) is { } id && format.FormatCode?.InnerText is { } code)
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
            var id = UnsignedNumber(format.NumberFormatId?.InnerText) ?? 0;
            result.Add(custom.TryGetValue(id, out var code) ? IsDateFormat(code) : IsBuiltInDateFormat(id));
        }

        return [.. result];
    }

    private static uint? UnsignedNumber(string? text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Excel's built-in date/time formats, including the ones of the Chinese locale (27–36, 50–58).</summary>
    private static bool IsBuiltInDateFormat(uint id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>
    /// Whether a custom number format shows a date: y, d, or a month m, outside quotes, escapes and [..]. An m
    /// right after an hour (h) or right before seconds (s) is minutes, and an elapsed-time format ([h]:mm, [mm]:ss)
    /// is a duration, not a date; AM/PM is a marker, not a month.
    /// </summary>
    internal static bool IsDateFormat(string code)
    {
        // The date/time letters of the format in order, with bracketed elapsed units ([h], [mm], [s]) as their letter.
        var letters = new List<char>();
        for (var i = 0; i < code.Length; i++)
        {
            var c = char.ToLowerInvariant(code[i]);
            if (c == '"')
            {
                var close = code.IndexOf('"', i + 1);
                i = close < 0 ? code.Length : close;
            }
            else if (c == '[')
            {
                var close = code.IndexOf(']', i + 1);
                var inside = close < 0 ? string.Empty : code[(i + 1)..close].ToLowerInvariant();
                if (inside.Length > 0 && inside.All(l => l == inside[0]) && inside[0] is 'h' or 'm' or 's')
                {
                    letters.Add(char.ToUpperInvariant(inside[0])); // elapsed: never a month
                }

                i = close < 0 ? code.Length : close;
            }
            else if (c is '\\' or '_' or '*')
            {
                i++;
            }
            else if (code.AsSpan(i).StartsWith("AM/PM", StringComparison.OrdinalIgnoreCase))
            {
                i += 4;
            }
            else if (code.AsSpan(i).StartsWith("A/P", StringComparison.OrdinalIgnoreCase))
            {
                i += 2;
            }
            else if (c is 'y' or 'd' or 'm' or 'h' or 's')
            {
                // A run (yyyy, mm) is one unit.
                if (!(i > 0 && char.ToLowerInvariant(code[i - 1]) == c))
                {
                    letters.Add(c);
                }
            }
        }

        for (var i = 0; i < letters.Count; i++)
        {
            switch (letters[i])
            {
                case 'y' or 'd':
                    return true;
                case 'm' when !(i > 0 && letters[i - 1] is 'h' or 'H') && !(i + 1 < letters.Count && letters[i + 1] is 's' or 'S'):
                    return true;
            }
        }

        return false;
    }
}
