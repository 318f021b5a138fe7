using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Documents.Rendering.Docx;

/// <summary>
/// The page of a Chinese official document (GB/T 9704-2012 §5.2): A4, 天头 37 mm, 订口 28 mm, and the 156 × 225 mm
/// type area that leaves 35 mm below and 26 mm at the right; the page number in 4号宋体 as “— 1 —”.
/// </summary>
internal static class DocxPage
{
    /// <summary>A4 in twips (210 × 297 mm).</summary>
    public const int Width = 11906, Height = 16838;

    /// <summary>Margins in twips: 37, 35, 28 and 26 mm.</summary>
    public const int MarginTop = 2098, MarginBottom = 1984, MarginLeft = 1588, MarginRight = 1474;

    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// <summary>
    /// The parts every official document starts with (the main part, the styles, the font table, the settings and the
    /// page-number footer); returns the main part and the footer's id for <see cref="Section"/>.
    /// </summary>
    public static (MainDocumentPart Main, string FooterId) AddParts(WordprocessingDocument document)
    {
        var main = document.AddNewPart<MainDocumentPart>(MainContentType, "rId1");
        main.AddNewPart<StyleDefinitionsPart>("rId1").Styles = DocxStyles.Styles();
        main.AddNewPart<FontTablePart>("rId2").Fonts = DocxStyles.FontTable();
        main.AddNewPart<DocumentSettingsPart>("rId3").Settings = DocxStyles.Settings();
        var footer = main.AddNewPart<FooterPart>("rId4");
        footer.Footer = Footer();
        return (main, main.GetIdOfPart(footer));
    }

    /// <summary>
    /// An official document as the bytes of a .docx file: the parts of <see cref="AddParts"/>, the body that
    /// <paramref name="write"/> fills, and the page (<see cref="Section"/>).
    /// </summary>
    public static byte[] Write(Action<Body> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var (main, footerId) = AddParts(document);
            var body = new Body();
            write(body);
            body.Append(Section(footerId));
            main.Document = new Document(body);
        }

        return buffer.ToArray();
    }

    /// <summary>A paragraph in <paramref name="style"/>; an empty <paramref name="text"/> gives an empty line.</summary>
    public static Paragraph Paragraph(string style, string text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        if (text.Length > 0)
        {
            paragraph.Append(Text(text));
        }

        return paragraph;
    }

    /// <summary>
    /// 落款 (GB/T 9704 §7.3.5): below a blank line, the agency and the date (成文日期), right-aligned in the signature style.
    /// </summary>
    public static void AppendSignature(Body body, string agency, string date)
    {
        ArgumentNullException.ThrowIfNull(body);
        body.Append(Paragraph(DocxStyles.Body, string.Empty));
        body.Append(Paragraph(DocxStyles.Signature, agency));
        body.Append(Paragraph(DocxStyles.Signature, date));
    }

    /// <summary>From the page's bottom edge to the page-number line (≈ 7 mm below the type area).</summary>
    private const int FooterDistance = 1304;

    private const int HeaderDistance = 1134;

    public static SectionProperties Section(string footerPartId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerPartId },
        new PageSize { Width = Width, Height = Height },
        new PageMargin
        {
            Top = MarginTop,
            Bottom = MarginBottom,
            Left = MarginLeft,
            Right = MarginRight,
            Header = HeaderDistance,
            Footer = FooterDistance,
            Gutter = 0,
        });

    /// <summary>The footer: “— N —” centred, N from a PAGE field.</summary>
    public static Footer Footer() => new(
        new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Footer }),
            Text("— "),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            Text("1"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            Text(" —")));

    private static Run Text(string text) => new(new Text(XmlText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
}
