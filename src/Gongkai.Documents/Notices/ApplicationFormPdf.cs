using Gongkai.Documents.Rendering.Pdf;

namespace Gongkai.Documents.Notices;

/// <summary>
/// The blank 政府信息公开申请表 of the 指南 (Art. 12 获取方式, Art. 29) as a PDF, the same form as
/// <see cref="ApplicationFormDocx"/> with rows tall enough to fill in by hand, for printing as it is.
/// </summary>
public static class ApplicationFormPdf
{
    /// <summary>The form for <paramref name="agency"/>; null when the fonts are not installed (docs/adr/0010).</summary>
    public static byte[]? Render(string agency, string? office, string? address, string? phone)
    {
        var title = agency + "政府信息公开申请表";
        using var flow = PdfFlow.Create(title, agency);
        if (flow is null)
        {
            return null;
        }

        flow.Title(title);
        flow.Table(ApplicationFormDocx.Form(), minRowHeight: 22);
        foreach (var note in ApplicationFormDocx.Notes(office, address, phone))
        {
            flow.Paragraph(note);
        }

        return flow.ToBytes();
    }
}
