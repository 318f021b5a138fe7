using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Documents.Reading;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>
/// The reader's own samples (tests/fixtures/import, made by make_samples.py): a 2021-format report of a
/// fictional government as Word-style HTML in GB18030 with rowspan/colspan, the DOCX LibreOffice made from it
/// (gridSpan/vMerge), and the PDF LibreOffice made from that, read through pdftotext.
/// </summary>
public sealed partial class FormatTests
{
    private static string Sample(string name) => Path.Combine(Paths.RepoRoot, "tests", "fixtures", "import", name);

    private static AnnualReport Expected() => ReportJson.Read(File.ReadAllText(Sample("qingshan-2021.json"))).Report!;

    [Theory]
    [InlineData("qingshan-2021.html", SourceFormat.Html)]
    [InlineData("qingshan-2021.docx", SourceFormat.Docx)]
    public void ReadFile_HtmlAndDocxWithMergedCells_EveryCellAndSection(string file, SourceFormat format)
    {
        var imported = new ReportImporter().ReadFile(Sample(file));
        Assert.True(imported.Succeeded, imported.Error);
        Assert.Equal(format, imported.Format);
        var expected = Expected();
        var actual = imported.Report!;
        Assert.Empty(CellDifferences(expected, actual));
        foreach (var ((key, _, text), (_, _, got)) in expected.Sections.InOrder(expected.Template).Zip(actual.Sections.InOrder(actual.Template)))
        {
            Assert.True(Spaces().Replace(text ?? "", "") == Spaces().Replace(got ?? "", ""), $"sections.{key}: expected «{text}», read «{got}»");
        }

        // The only finding is the checker's note on the one blank cell; no doubt about the reading.
        Assert.DoesNotContain(imported.Findings, f => f.Rule == ImportRules.Uncertain);
        var blank = Assert.Single(imported.Findings, f => f.Rule == ReportChecker.BlankCellsRule);
        Assert.Contains("applications.carriedOver.researchInstitution", blank.Location);
    }

    [Fact]
    public void ReadFile_PdfFromLibreOffice_EveryCellButTheLostBlankWhichIsFlagged()
    {
        var imported = new ReportImporter().ReadFile(Sample("qingshan-2021.pdf"));
        Assert.True(imported.Succeeded, imported.Error);
        Assert.Equal(SourceFormat.Pdf, imported.Format);
        var expected = Expected();
        var actual = imported.Report!;
        Assert.Equal(expected.Agency, actual.Agency);
        Assert.Equal(expected.PublishedOn, actual.PublishedOn);

        // pdftotext drops the blank cell of 二、上年结转: six numbers for seven columns cannot be placed with
        // certainty. The reader reads them by position and says so; every other cell is exact.
        var differences = CellDifferences(expected, actual);
        Assert.All(differences, d => Assert.StartsWith("applications.carriedOver.", d, StringComparison.Ordinal));
        Assert.Contains(imported.Findings, f => f.Rule == ImportRules.Uncertain && f.Location.SequenceEqual(["applications.carriedOver", "source:page 1 line 50"]));

        // Narrative: the same words; pdftotext only adds spaces around numbers and breaks lines.
        Assert.Equal(Spaces().Replace(expected.Sections.Problems!, ""), Spaces().Replace(actual.Sections.Problems!, ""));
        Assert.Equal(Spaces().Replace(expected.Sections.Overview!, ""), Spaces().Replace(actual.Sections.Overview!, ""));
    }

    [Fact]
    public void Read_Seed000InGb18030_SameAsUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = File.ReadAllText(Paths.Seed("000"));
        var gb = Encoding.GetEncoding("GB18030").GetBytes(text);
        Assert.False(System.Text.Unicode.Utf8.IsValid(gb));
        var fromGb = new ReportImporter().Read("000-gb18030.txt", gb);
        var fromUtf8 = new ReportImporter().ReadFile(Paths.Seed("000"));
        Assert.True(fromGb.Succeeded, fromGb.Error);
        Assert.Equal(ReportJson.Write(fromUtf8.Report!), ReportJson.Write(fromGb.Report!));
    }

    [Fact]
    public void ReadText_PipeTable_ReadLikeTabs()
    {
        var text = File.ReadAllText(Paths.Seed("001"));
        var piped = string.Join("\n", text.Split('\n').Select(l => l.Contains('\t', StringComparison.Ordinal) ? "| " + l.Replace("\t", " | ", StringComparison.Ordinal) + " |" : l));
        var fromPipes = new ReportImporter().ReadText("001.md", piped).Report!;
        var fromTabs = new ReportImporter().ReadFile(Paths.Seed("001")).Report!;
        Assert.Empty(CellDifferences(fromTabs, fromPipes));
    }

    [Fact]
    public void ReadFile_PdfWithoutPdftotext_ErrorNamesPopplerUtils()
    {
        var importer = new ReportImporter(new ImportOptions { PdfToText = "/nonexistent/pdftotext" });
        var imported = importer.ReadFile(Sample("qingshan-2021.pdf"));
        Assert.False(imported.Succeeded);
        Assert.Contains("poppler-utils", imported.Error, StringComparison.Ordinal);
    }

    internal static List<string> CellDifferences(AnnualReport expected, AnnualReport actual)
    {
        var differences = new List<string>();
        if (expected.Template != actual.Template)
        {
            differences.Add($"template: {expected.Template} vs {actual.Template}");
            return differences;
        }

        foreach (var (row, columns) in expected.Article20.Layout.Rows)
        {
            foreach (var column in columns)
            {
                if (expected.Article20[row.Key, column.Key]?.ToString() != actual.Article20[row.Key, column.Key]?.ToString())
                {
                    differences.Add($"article20.{row.Key}.{column.Key}: {expected.Article20[row.Key, column.Key]} vs {actual.Article20[row.Key, column.Key]}");
                }
            }
        }

        foreach (var row in expected.Applications.Rows)
        {
            foreach (var column in ApplicantColumns.All)
            {
                if (expected.Applications[row.Key, column] != actual.Applications[row.Key, column])
                {
                    differences.Add($"{ReportChecker.CellKey(row.Key, column)}: {expected.Applications[row.Key, column]} vs {actual.Applications[row.Key, column]}");
                }
            }
        }

        foreach (var group in ReviewLitigationLabels.Groups)
        {
            foreach (var outcome in ReviewLitigationLabels.Outcomes)
            {
                if (expected.ReviewLitigation[group, outcome] != actual.ReviewLitigation[group, outcome])
                {
                    differences.Add($"{ReportChecker.CellKey(group, outcome)}: {expected.ReviewLitigation[group, outcome]} vs {actual.ReviewLitigation[group, outcome]}");
                }
            }
        }

        return differences;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
