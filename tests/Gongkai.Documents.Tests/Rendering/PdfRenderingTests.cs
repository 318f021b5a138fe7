using System.Diagnostics;
using System.Globalization;
using Gongkai.Documents.Notices;
using Gongkai.Documents.Rendering;
using UglyToad.PdfPig;

namespace Gongkai.Documents.Tests.Rendering;

/// <summary>The annual report and the application form as PDF: they open, say what the Word documents say, and carry their fonts.</summary>
public sealed class PdfRenderingTests
{
    public static TheoryData<string> Fixtures => DocxReportRendererTests.Fixtures;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Render_SampleReport_OpensWithTitleAgencyFiguresAndSignature(string fixture)
    {
        var report = DocxReportRendererTests.Load(fixture);
        var pdf = PdfReportRenderer.Render(report);
        Assert.NotNull(pdf);

        using var document = PdfDocument.Open(pdf);
        var text = Flat(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.Contains(Flat(report.Title), text);
        Assert.Contains("三、收到和处理政府信息公开申请情况", text);
        Assert.Contains("申请人情况", text);

        // The header rows repeat on every page the applications table runs onto.
        var pagesWithTable = document.GetPages().Count(p => Flat(p.Text).Contains("本年新收政府信息公开申请数量", StringComparison.Ordinal));
        Assert.True(pagesWithTable >= 1);
        var applicantHeaderPages = document.GetPages().Count(p => Flat(p.Text).Contains("申请人情况", StringComparison.Ordinal));
        Assert.True(applicantHeaderPages >= pagesWithTable, "申请人情况 header on every page of the table");

        // The figure of 本年新收 (section 三, row 一, column 总计) is in the text.
        var total = report.Applications[report.Applications.Rows[0].Key, Gongkai.Domain.Reports.ApplicantColumn.Total];
        if (total is { } t)
        {
            Assert.Contains(t.ToString(CultureInfo.InvariantCulture), text);
        }

        Assert.Contains(Flat(report.Agency), Flat(document.GetPages().Last().Text));
        AssertFontsEmbedded(pdf);
    }

    [Fact]
    public void ApplicationForm_Pdf_NamesAgencyFieldsAndOffice()
    {
        var pdf = ApplicationFormPdf.Render("示范县卫生健康局", "示范县卫生健康局办公室", "示范县人民路1号", "0000-1234567");
        Assert.NotNull(pdf);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var text = Flat(document.GetPage(1).Text);
        Assert.Contains("示范县卫生健康局政府信息公开申请表", text);
        Assert.Contains("统一社会信用代码", text);
        Assert.Contains("申请人签名或者盖章", text);
        Assert.Contains("受理机构：示范县卫生健康局办公室", text);
        AssertFontsEmbedded(pdf);
    }

    /// <summary>Every font of the PDF is embedded, as poppler's pdffonts reports it (column emb = yes).</summary>
    internal static void AssertFontsEmbedded(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"gongkai-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdffonts", [file]) { RedirectStandardOutput = true })!;
            var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
            process.WaitForExit();
            Assert.NotEmpty(lines);
            foreach (var line in lines)
            {
                // name type encoding emb sub uni object ID: the "emb" column is the fourth from the right.
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.True(columns[^5] == "yes", $"not embedded: {line}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
