using System.Globalization;
using System.Text;
using Gongkai.Documents.Reading;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;
using Xunit.Abstractions;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>
/// The development corpus (tests/fixtures/corpus, made by make.py): each seed, the reader's own sample and three
/// generated reports in every shape real files come in (crawled text with cells run together, script-embedded
/// HTML, Word HTML, OCR Markdown, LibreOffice PDF, <c>pdftotext -layout</c> text). Every file is read and compared
/// cell by cell with its expected figures; the accuracy per shape is printed.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private static string Corpus => Path.Combine(Paths.RepoRoot, "tests", "fixtures", "corpus");

    /// <summary>The shape of a corpus file from its name: <c>seed000.crawl.txt</c> → <c>crawl.txt</c>.</summary>
    private static string ShapeOf(string file)
    {
        var name = Path.GetFileName(file);
        return name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..];
    }

    [Fact]
    public void ReadFile_WholeCorpus_AccuracyPerShapeAtLeast98Percent()
    {
        var files = Directory.GetFiles(Corpus).Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".py", StringComparison.Ordinal) && !f.EndsWith(".sh", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 50, $"corpus has only {files.Count} files");
        var importer = new ReportImporter(new ImportOptions { Audit = false });
        var perShape = new SortedDictionary<string, (int Right, int Total, int Files)>(StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var expectedPath = Path.Combine(Corpus, name[..name.IndexOf('.', StringComparison.Ordinal)] + ".expected.json");
            var expected = ReportJson.Read(File.ReadAllText(expectedPath)).Report!;
            var imported = importer.ReadFile(file);
            var (right, total) = Score(expected, imported, name, wrong);
            var shape = ShapeOf(file);
            var (r, t, n) = perShape.GetValueOrDefault(shape);
            perShape[shape] = (r + right, t + total, n + 1);
        }

        var table = new StringBuilder("| shape | files | cells right | accuracy |\n|---|---|---|---|\n");
        int allRight = 0, allTotal = 0;
        foreach (var (shape, (r, t, n)) in perShape)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {shape} | {n} | {r}/{t} | {100.0 * r / t:0.0}% |\n");
            allRight += r;
            allTotal += t;
        }

        table.Append(CultureInfo.InvariantCulture, $"| all | {files.Count} | {allRight}/{allTotal} | {100.0 * allRight / allTotal:0.0}% |\n");
        output.WriteLine(table.ToString());
        output.WriteLine(string.Join("\n", wrong.Take(300)));
        if (Environment.GetEnvironmentVariable("GONGKAI_CORPUS_REPORT") is { Length: > 0 } report)
        {
            File.WriteAllText(report, table + "\n" + string.Join("\n", wrong));
        }

        Assert.True(allRight >= 0.98 * allTotal, $"corpus accuracy {100.0 * allRight / allTotal:0.0}% < 98%\n{table}\n{string.Join("\n", wrong.Take(60))}");
    }

    /// <summary>Agency, year, publication date and every cell of the three tables: how many are read as expected, out of how many.</summary>
    internal static (int Right, int Total) Score(AnnualReport expected, ImportedReport imported, string name, List<string> wrong)
    {
        var cells = new List<(string What, string? Expected, string? Actual)>();
        var actual = imported.Report;
        cells.Add(("agency", expected.Agency, actual?.Agency));
        cells.Add(("year", expected.Year.ToString(CultureInfo.InvariantCulture), actual?.Year.ToString(CultureInfo.InvariantCulture)));
        cells.Add(("publishedOn", expected.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), actual?.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        foreach (var (row, columns) in expected.Article20.Layout.Rows)
        {
            foreach (var column in columns)
            {
                cells.Add(($"article20.{row.Key}.{column.Key}", expected.Article20[row.Key, column.Key]?.ToString(),
                    actual is not null && actual.Template == expected.Template ? actual.Article20[row.Key, column.Key]?.ToString() : "(no report)"));
            }
        }

        foreach (var row in expected.Applications.Rows)
        {
            foreach (var column in ApplicantColumns.All)
            {
                cells.Add((ReportChecker.CellKey(row.Key, column), Show(expected.Applications[row.Key, column]),
                    actual is not null && actual.Template == expected.Template ? Show(actual.Applications[row.Key, column]) : "(no report)"));
            }
        }

        foreach (var group in ReviewLitigationLabels.Groups)
        {
            foreach (var outcome in ReviewLitigationLabels.Outcomes)
            {
                cells.Add((ReportChecker.CellKey(group, outcome), Show(expected.ReviewLitigation[group, outcome]),
                    actual is not null ? Show(actual.ReviewLitigation[group, outcome]) : "(no report)"));
            }
        }

        var right = 0;
        foreach (var (what, e, a) in cells)
        {
            if (e == a)
            {
                right++;
            }
            else
            {
                wrong.Add($"{name} {what}: expected {e ?? "blank"}, read {a ?? "blank"}{(imported.Error is { } error ? " — " + error : string.Empty)}");
            }
        }

        return (right, cells.Count);
    }

    private static string? Show(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
