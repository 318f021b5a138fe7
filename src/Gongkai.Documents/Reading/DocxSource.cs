using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace Gongkai.Documents.Reading;

/// <summary>
/// DOCX → lines of cells: each paragraph a narrative line, each table row a row of cells with gridSpan and
/// vMerge expanded. Positions are paragraph numbers: paragraphs and table rows counted from 1 in body order.
/// </summary>
internal static class DocxSource
{
    public static SourceDocument Parse(Stream stream)
    {
        using var word = WordprocessingDocument.Open(stream, false);
        var rows = new List<SourceRow>();
        var counter = 0;
        if (word.MainDocumentPart?.Document?.Body is { } body)
        {
            ReadBlocks(body.ChildElements, rows, ref counter, 0);
        }

        return new SourceDocument(SourceFormat.Docx, rows);
    }

    private static void ReadBlocks(IEnumerable<OpenXmlElement> elements, List<SourceRow> rows, ref int counter, int depth)
    {
        if (depth > 20)
        {
            return;
        }

        foreach (var element in elements)
        {
            switch (element)
            {
                case WParagraph paragraph:
                    counter++;
                    foreach (var line in TextOf(paragraph).Split('\n'))
                    {
                        if (line.Trim().Length > 0)
                        {
                            rows.Add(new SourceRow(counter, 1, [line], false));
                        }
                    }

                    break;
                case Table table:
                    ReadTable(table, rows, ref counter);
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    ReadBlocks(content.ChildElements, rows, ref counter, depth + 1);
                    break;
                default:
                    break;
            }
        }
    }

    private static void ReadTable(Table table, List<SourceRow> rows, ref int counter)
    {
        var grid = new GridBuilder();
        var lines = new List<int>();
        foreach (var tr in table.Elements<TableRow>())
        {
            counter++;
            lines.Add(counter);
            grid.StartRow();
            foreach (var cell in tr.Elements<TableCell>())
            {
                var properties = cell.TableCellProperties;
                var span = properties?.GridSpan?.Val?.Value ?? 1;
                var merge = properties?.VerticalMerge;
                if (merge is not null && (merge.Val is null || merge.Val.Value != MergedCellValues.Restart))
                {
                    grid.AddContinuation(span);
                    continue;
                }

                var text = string.Concat(cell.Elements<WParagraph>().Select(p => TextOf(p).Replace("\n", string.Empty, StringComparison.Ordinal)));
                grid.AddCell(text, span, 1);
            }
        }

        var result = grid.Finish();
        for (var i = 0; i < result.Count && i < lines.Count; i++)
        {
            rows.Add(new SourceRow(lines[i], 1, [.. result[i]], true));
        }
    }

    /// <summary>A paragraph's text: runs' text, tabs as spaces, line breaks as new lines.</summary>
    private static string TextOf(WParagraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (var e in paragraph.Descendants())
        {
            switch (e)
            {
                case Text t:
                    sb.Append(t.Text);
                    break;
                case TabChar:
                    sb.Append(' ');
                    break;
                case Break or CarriageReturn:
                    sb.Append('\n');
                    break;
                default:
                    break;
            }
        }

        return sb.ToString();
    }
}
