using System.Text;
using Gongkai.Domain.Text;

namespace Gongkai.Documents.Ledger;

/// <summary>
/// The one CSV reader of Gongkai (ledgers, Art. 20 figures; see docs/adr/0009-one-csv-reader.md). Reads CSV as Excel
/// writes it (RFC 4180): comma-separated, fields in double quotes may hold commas, doubled quotes and line breaks;
/// CRLF, LF or CR line ends; text after a closing quote is kept as Excel keeps it. Each record is one Excel row, so
/// the record's index is its row number even when a quoted field spans lines. Text is decoded by
/// <see cref="ChineseText"/> (BOM, UTF-8, GB18030).
/// </summary>
internal static class CsvTable
{
    /// <summary>
    /// The text of a CSV file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 when it has a
    /// UTF-16 BOM (Excel's "Unicode text"), else GB18030 (Excel's default "CSV (逗号分隔)" on Chinese Windows).
    /// Null with a reason when the bytes are not text.
    /// </summary>
    /// <param name="bytes">The file.</param>
    /// <param name="workbookAdvice">What to do with a workbook uploaded as .csv (the readers differ: the ledger reads
    /// .xlsx too).</param>
    /// <param name="refusal">Why the bytes are not CSV text.</param>
    public static string? Decode(ReadOnlySpan<byte> bytes, string workbookAdvice, out string? refusal)
    {
        refusal = null;
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            refusal = $"文件扩展名为 .csv，但内容是Excel工作簿（.xlsx）；{workbookAdvice}";
            return null;
        }

        if (!bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) && bytes.Contains((byte)0))
        {
            refusal = "文件不是CSV文本文件（含有二进制内容）；请在Excel中另存为“CSV UTF-8（逗号分隔）”或“Excel 工作簿（*.xlsx）”";
            return null;
        }

        return ChineseText.Decode(bytes);
    }

    /// <summary>
    /// The records of <paramref name="text"/>, numbered from 1. A quoted field left open at the end of the file is
    /// reported to <paramref name="unclosedQuoteAt"/> with the row where it began.
    /// </summary>
    public static IEnumerable<SheetRow> Rows(string text, Action<int> unclosedQuoteAt)
    {
        var fields = new List<string?>(16);
        var quoted = new StringBuilder();
        var pos = 0;
        var row = 0;
        while (pos < text.Length)
        {
            row++;
            fields.Clear();
            var endOfRecord = false;
            while (!endOfRecord)
            {
                string field;
                if (pos < text.Length && text[pos] == '"')
                {
                    quoted.Clear();
                    pos++;
                    var closed = false;
                    while (pos < text.Length)
                    {
                        var next = text.IndexOf('"', pos);
                        if (next < 0)
                        {
                            quoted.Append(text, pos, text.Length - pos);
                            pos = text.Length;
                            break;
                        }

                        quoted.Append(text, pos, next - pos);
                        pos = next + 1;
                        if (pos < text.Length && text[pos] == '"')
                        {
                            quoted.Append('"');
                            pos++;
                        }
                        else
                        {
                            closed = true;
                            break;
                        }
                    }

                    if (!closed)
                    {
                        unclosedQuoteAt(row);
                    }

                    // Excel keeps what follows a closing quote up to the separator (e.g. "a"b → ab).
                    var after = pos;
                    while (pos < text.Length && text[pos] is not (',' or '\r' or '\n'))
                    {
                        pos++;
                    }

                    field = pos > after ? quoted.Append(text, after, pos - after).ToString() : quoted.ToString();
                }
                else
                {
                    var start = pos;
                    while (pos < text.Length && text[pos] is not (',' or '\r' or '\n'))
                    {
                        pos++;
                    }

                    field = text.Substring(start, pos - start);
                }

                fields.Add(field.Length == 0 ? null : field);
                if (pos >= text.Length)
                {
                    endOfRecord = true;
                }
                else if (text[pos] == ',')
                {
                    pos++;
                }
                else
                {
                    pos += text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
                    endOfRecord = true;
                }
            }

            yield return new SheetRow(row, [.. fields]);
        }
    }
}
