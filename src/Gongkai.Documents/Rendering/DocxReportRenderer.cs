using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Documents.Rendering.Docx;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Rendering;

/// <summary>
/// Renders the 政府信息公开工作年度报告 (Arts. 49–50) as a Word document laid out as a Chinese official document
/// (GB/T 9704): the title, the six parts in the order of the format with the tables of 二、三、四 (docs/legal.md §2),
/// then the agency and the date. The output opens without repair in Word, WPS and LibreOffice, and the same
/// report always gives the same bytes.
/// </summary>
public static class DocxReportRenderer
{
    /// <summary>The time stamped on every entry of the package, so that output depends on the report alone.</summary>
    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private const string CoreContentType = "application/vnd.openxmlformats-package.core-properties+xml";

    private static readonly DateTimeOffset FixedEntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The report as the bytes of a .docx file.</summary>
    public static byte[] Render(AnnualReport report)
    {
        using var buffer = new MemoryStream();
        Render(report, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the report as a .docx file to <paramref name="output"/> (which is left open).</summary>
    public static void Render(AnnualReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            Compose(document, report);
        }

        FixEntryTimes(buffer);
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static void Compose(WordprocessingDocument document, AnnualReport report)
    {
        // Parts are added with fixed relationship ids: the SDK's default ids are random, and so would be the output.
        var main = document.AddNewPart<MainDocumentPart>(MainContentType, "rId1");
        WriteCoreProperties(document.AddNewPart<CoreFilePropertiesPart>(CoreContentType, "rId2"), report);
        main.AddNewPart<StyleDefinitionsPart>("rId1").Styles = DocxStyles.Styles();
        main.AddNewPart<FontTablePart>("rId2").Fonts = DocxStyles.FontTable();
        main.AddNewPart<DocumentSettingsPart>("rId3").Settings = DocxStyles.Settings();
        var footer = main.AddNewPart<FooterPart>("rId4");
        footer.Footer = DocxPage.Footer();

        var body = new Body();
        body.Append(DocxPage.Paragraph(DocxStyles.Title, report.Title));
        foreach (var (key, heading, text) in report.Sections.InOrder(report.Template))
        {
            body.Append(DocxPage.Paragraph(DocxStyles.Heading, heading));
            foreach (var line in ReportFormatting.Paragraphs(text))
            {
                body.Append(DocxPage.Paragraph(DocxStyles.Body, line));
            }

            if (ReportTables.ForSection(key, report) is { } table)
            {
                body.Append(table.Build());
            }
        }

        // 落款: the agency and the date (成文日期; blank spaces to fill in by hand while it has none), right-aligned below a blank line.
        DocxPage.AppendSignature(body, report.Agency, ReportFormatting.SignatureDate(report.PublishedOn));

        body.Append(DocxPage.Section(main.GetIdOfPart(footer)));
        main.Document = new Document(body);
    }

    /// <summary>docProps/core.xml with the title, the agency as author and the language; no dates, which would vary.</summary>
    private static void WriteCoreProperties(CoreFilePropertiesPart part, AnnualReport report)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        using var stream = part.GetStream(FileMode.Create);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartElement("cp", "coreProperties", cp);
        xml.WriteAttributeString("xmlns", "dc", null, dc);
        xml.WriteElementString("dc", "title", dc, report.Title);
        xml.WriteElementString("dc", "creator", dc, report.Agency);
        xml.WriteElementString("dc", "language", dc, "zh-CN");
        xml.WriteEndElement();
    }

    /// <summary>System.IO.Packaging stamps each zip entry with the current time; stamp them all with one fixed time.</summary>
    private static void FixEntryTimes(MemoryStream package)
    {
        package.Position = 0;
        using var zip = new ZipArchive(package, ZipArchiveMode.Update, leaveOpen: true);
        foreach (var entry in zip.Entries)
        {
            entry.LastWriteTime = FixedEntryTime;
        }
    }
}
