using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Rendering;

// Interim: replaced by the real renderer from the docx branch before this lands.
public static class DocxReportRenderer
{
    public static void Render(AnnualReport report, Stream output) => throw new NotSupportedException("DOCX rendering is being merged.");
}
