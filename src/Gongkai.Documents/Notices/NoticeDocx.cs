using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Documents.Rendering;
using Gongkai.Documents.Rendering.Docx;

namespace Gongkai.Documents.Notices;

/// <summary>
/// A notice to an applicant (告知书: 答复, 补正, 延期, 收费) as a Word document in the style of the office's official
/// documents (the annual report's styles and page, GB/T 9704): title, addressee, body, the agency and the date.
/// </summary>
public static class NoticeDocx
{
    /// <summary>The notice as the bytes of a .docx file. <paramref name="body"/> is split into paragraphs at line breaks.</summary>
    public static byte[] Render(string title, string body, string agency, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        return DocxPage.Write(content =>
        {
            content.Append(DocxPage.Paragraph(DocxStyles.Title, title));
            foreach (var p in Paragraphs(body))
            {
                var paragraph = DocxPage.Paragraph(DocxStyles.Body, p.Text);
                if (p.FlushLeft)
                {
                    // 顶格: the salutation starts at the margin (GB/T 9704 §7.3.3), without the body's two-character indent.
                    paragraph.ParagraphProperties!.Append(new Indentation { FirstLineChars = 0, FirstLine = "0" });
                }

                content.Append(paragraph);
            }

            DocxPage.AppendSignature(content, agency, ReportFormatting.ChineseDate(date));
        });
    }

    /// <summary>
    /// The body's paragraphs (split at line breaks); the first, when it is a salutation (主送: a line ending in a
    /// full-width colon), is flush left (顶格), the others indented two characters.
    /// </summary>
    public static IReadOnlyList<PdfParagraph> Paragraphs(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var lines = ReportFormatting.Paragraphs(body).ToList();
        return [.. lines.Select((line, i) => new PdfParagraph(line, FlushLeft: i == 0 && line.TrimEnd().EndsWith('：')))];
    }
}
