using System.Text.RegularExpressions;
using Gongkai.Documents.Reading;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>
/// The five real sample reports (../shared/seeds) read to exactly the hand transcriptions in
/// tests/fixtures/reports: agency, year, template, publication date, every cell of the three tables, and each
/// part's text after whitespace normalisation (runs of spaces and line breaks compared as one space).
/// </summary>
public sealed partial class SeedReportTests
{
    public static TheoryData<string> Samples => new() { "000", "001", "002", "003", "004" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void ReadFile_Seed_MatchesFixtureEveryCell(string sample)
    {
        var (actual, expected) = Read(sample);
        var differences = new List<string>();
        Compare(differences, "agency", expected.Agency, actual.Agency);
        Compare(differences, "year", expected.Year, actual.Year);
        Compare(differences, "template", expected.Template, actual.Template);
        Compare(differences, "publishedOn", expected.PublishedOn, actual.PublishedOn);
        Assert.True(differences.Count == 0, string.Join("\n", differences));

        foreach (var (row, columns) in expected.Article20.Layout.Rows)
        {
            foreach (var column in columns)
            {
                Compare(differences, $"article20.{row.Key}.{column.Key}",
                    expected.Article20[row.Key, column.Key]?.ToString(), actual.Article20[row.Key, column.Key]?.ToString());
                Compare(differences, $"article20.{row.Key}.{column.Key} (is number)",
                    expected.Article20[row.Key, column.Key]?.Number is not null, actual.Article20[row.Key, column.Key]?.Number is not null);
            }
        }

        foreach (var row in expected.Applications.Rows)
        {
            foreach (var column in ApplicantColumns.All)
            {
                Compare(differences, ReportChecker.CellKey(row.Key, column), expected.Applications[row.Key, column], actual.Applications[row.Key, column]);
            }
        }

        foreach (var group in ReviewLitigationLabels.Groups)
        {
            foreach (var outcome in ReviewLitigationLabels.Outcomes)
            {
                Compare(differences, ReportChecker.CellKey(group, outcome), expected.ReviewLitigation[group, outcome], actual.ReviewLitigation[group, outcome]);
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} cells differ:\n" + string.Join("\n", differences));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ReadFile_Seed_SectionsMatchFixtureAfterWhitespaceNormalisation(string sample)
    {
        var (actual, expected) = Read(sample);
        var differences = new List<string>();
        var actualParts = actual.Sections.InOrder(actual.Template);
        foreach (var (key, _, text) in expected.Sections.InOrder(expected.Template))
        {
            var got = actualParts.Single(p => p.Key == key).Text;
            if (Normalise(text) != Normalise(got))
            {
                differences.Add($"sections.{key}:\n  expected: {text}\n  actual:   {got}");
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void ReadFile_Seed002_TotalColumnBlankAndCheckerFlagsIt()
    {
        var imported = new ReportImporter().ReadFile(Paths.Seed("002"));
        var report = imported.Report!;
        Assert.Null(report.Applications[ApplicationRowKeys.Received, ApplicantColumn.Total]);
        Assert.Equal(1, report.Applications[ApplicationRowKeys.Received, ApplicantColumn.NaturalPerson]);
        var rowTotal = Assert.Single(imported.Findings, f => f.Rule == ReportChecker.RowTotalRule && f.Location.Contains("applications.received.total"));
        Assert.Contains("source:line 107", rowTotal.Location);
        Assert.Contains(imported.Findings, f => f.Rule == ReportChecker.BalanceRule);
    }

    [Fact]
    public void ReadFile_Seed003_TruncatedTableNamesMissingRows()
    {
        var imported = new ReportImporter().ReadFile(Paths.Seed("003"));
        var missing = Assert.Single(imported.Findings, f => f.Rule == ImportRules.Uncertain && f.Message.Contains("缺少", StringComparison.Ordinal)
            && f.Location.Contains("applications.totalHandled"));
        Assert.Equal(
            ["applications.notProcessed.excessive", "applications.notProcessed.confirmation", "applications.other.other", "applications.totalHandled", "applications.carriedForward"],
            missing.Location);
        Assert.Contains("三（七）总计", missing.Message, StringComparison.Ordinal);

        // （一）予以公开 prints six cells for seven columns: said, with the line.
        Assert.Contains(imported.Findings, f => f.Rule == ImportRules.Uncertain && f.Location.Contains("applications.granted") && f.Location.Contains("source:line 76"));
    }

    [Fact]
    public void ReadFile_Seed001_SixteenReviewCellsReported()
    {
        var imported = new ReportImporter().ReadFile(Paths.Seed("001"));
        Assert.Contains(imported.Findings, f => f.Rule == ImportRules.Uncertain && f.Location.SequenceEqual(["reviewLitigation", "source:line 85"]));
    }

    [Fact]
    public void ReadFile_AllSeeds_NoErrorAndEveryFindingPointsToSource()
    {
        foreach (var sample in new[] { "000", "001", "002", "003", "004" })
        {
            var imported = new ReportImporter().ReadFile(Paths.Seed(sample));
            Assert.True(imported.Succeeded, imported.Error);
            foreach (var finding in imported.Findings.Where(f => f.Location.Any(l => l.StartsWith("applications.", StringComparison.Ordinal))))
            {
                Assert.True(finding.Location.Any(l => l.StartsWith("source:", StringComparison.Ordinal)) || finding.Rule == ImportRules.Uncertain,
                    $"{sample}: {finding.Rule} {string.Join(",", finding.Location)}");
            }
        }
    }

    private static (AnnualReport Actual, AnnualReport Expected) Read(string sample)
    {
        var imported = new ReportImporter().ReadFile(Paths.Seed(sample));
        Assert.True(imported.Succeeded, imported.Error);
        var fixture = ReportJson.Read(File.ReadAllText(Paths.Fixture(sample)));
        Assert.True(fixture.Succeeded, string.Join("\n", fixture.Errors));
        return (imported.Report!, fixture.Report!);
    }

    private static void Compare<T>(List<string> differences, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            differences.Add($"{what}: expected {Show(expected)}, read {Show(actual)}");
        }
    }

    private static string Show<T>(T value) => value?.ToString() ?? "null";

    private static string? Normalise(string? text) => text is null ? null : Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
