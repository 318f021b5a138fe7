using Gongkai.Documents.Rendering.Docx;
using Gongkai.Documents.Rendering.Pdf;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Rendering;

/// <summary>
/// The 政府信息公开工作年度报告 (Arts. 49–50) as a PDF: the same parts as the Word document — the title, the six parts
/// in the order of the format with the tables of 二、三、四 (their header rows repeated on every page), then the agency
/// and the date — in the embedded TrueType faces of docs/adr/0010, so it reads the same on any device.
/// </summary>
public static class PdfReportRenderer
{
    /// <summary>The report as the bytes of a PDF; null when the fonts are not installed.</summary>
    public static byte[]? Render(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var flow = PdfFlow.Create(report.Title, report.Agency);
        if (flow is null)
        {
            return null;
        }

        flow.Title(report.Title);
        foreach (var (key, heading, text) in report.Sections.InOrder(report.Template))
        {
            flow.Heading(heading);
            foreach (var line in ReportFormatting.Paragraphs(text))
            {
                flow.Paragraph(line);
            }

            if (ReportTables.ForSection(key, report) is { } table)
            {
                flow.Table(table);
            }
        }

        flow.Signature(report.Agency, ReportFormatting.SignatureDate(report.PublishedOn));
        return flow.ToBytes();
    }
}
