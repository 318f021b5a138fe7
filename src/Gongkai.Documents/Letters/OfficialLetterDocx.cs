using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Documents.Rendering;
using Gongkai.Documents.Rendering.Docx;

namespace Gongkai.Documents.Letters;

/// <summary>A table in a letter: column labels, relative widths, and rows of text.</summary>
public sealed record LetterTable(IReadOnlyList<string> Headers, IReadOnlyList<int> Widths, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// A letter of the supervising office (年报审查意见, the region's summary) as a Word document in the layout of the
/// office's official documents — the annual report's and the notices' styles and page (GB/T 9704: 方正小标宋 title,
/// 仿宋 body, 22 lines a page): title, addressee, paragraphs, an optional table, the agency and the date.
/// </summary>
public static class OfficialLetterDocx
{
    /// <summary>The letter as the bytes of a .docx file. Paragraphs before the table, then <paramref name="after"/> after it.</summary>
    public static byte[] Render(string title, string? addressee, IReadOnlyList<string> paragraphs, LetterTable? table, IReadOnlyList<string> after,
        string agency, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(after);
        return DocxPage.Write(content =>
        {
            content.Append(DocxPage.Paragraph(DocxStyles.Title, title));
            if (addressee is not null)
            {
                // The addressee (主送) without the body's first-line indent.
                var salutation = DocxPage.Paragraph(DocxStyles.Body, addressee + "：");
                salutation.ParagraphProperties!.Append(new Indentation { FirstLineChars = 0, FirstLine = "0" });
                content.Append(salutation);
            }

            foreach (var line in paragraphs)
            {
                content.Append(DocxPage.Paragraph(DocxStyles.Body, line));
            }

            if (table is not null && table.Rows.Count > 0)
            {
                content.Append(Table(table));
            }

            foreach (var line in after)
            {
                content.Append(DocxPage.Paragraph(DocxStyles.Body, line));
            }

            DocxPage.AppendSignature(content, agency, ReportFormatting.ChineseDate(date));
        });
    }

    private static Table Table(LetterTable table)
    {
        var sum = table.Widths.Sum();
        var widths = table.Widths.Select(w => w * ReportTables.TextWidth / sum).ToArray();
        widths[^1] += ReportTables.TextWidth - widths.Sum();
        var grid = new GridTable(widths);
        for (var c = 0; c < table.Headers.Count; c++)
        {
            grid.Place(0, c, table.Headers[c], GridCellKind.Heading);
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Headers.Count; c++)
            {
                grid.Place(r + 1, c, c < table.Rows[r].Count ? table.Rows[r][c] : string.Empty, GridCellKind.Label);
            }
        }

        grid.RepeatHeaderRows(1);
        return grid.Build();
    }
}
