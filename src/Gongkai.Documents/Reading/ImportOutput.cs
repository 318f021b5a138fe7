using System.Globalization;
using System.Text;
using System.Text.Json;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Reading;

/// <summary>The outputs of an import: the JSON array of <c>gongkai import --json</c> and the one-row-per-report CSV summary.</summary>
public static class ImportOutput
{
    /// <summary>
    /// A JSON array, one element per file in the order given: the canonical report (docs/report-model.md) with a
    /// leading <c>file</c> key and its <c>findings</c>, or <c>{"file": …, "error": …}</c>.
    /// </summary>
    public static string Json(IEnumerable<ImportedReport> reports)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, ReportJson.CanonicalWriterOptions))
        {
            w.WriteStartArray();
            foreach (var imported in reports)
            {
                w.WriteStartObject();
                w.WriteString("file", imported.File);
                if (imported.Report is { } report)
                {
                    using var document = JsonDocument.Parse(ReportJson.Write(report));
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (property.Name == "findings")
                        {
                            w.WritePropertyName("findings");
                            ReportJson.WriteFindings(w, imported.Findings);
                        }
                        else
                        {
                            property.WriteTo(w);
                        }
                    }
                }
                else
                {
                    w.WriteString("error", imported.Error);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The CSV columns: file, error, the canonical keys (dotted), then the findings.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } = BuildColumns();

    /// <summary>
    /// One CSV row per report (RFC 4180, UTF-8 with BOM so that spreadsheet programs read the Chinese): the
    /// canonical keys as columns (a 2019 report leaves the 2021 columns empty and the other way round), the
    /// counts of error and warning findings, and the findings as <c>rule: message [location]</c> lines.
    /// </summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<ImportedReport> reports)
    {
        writer.Write('\uFEFF');
        writer.Write(string.Join(",", CsvColumns.Select(Quote)));
        writer.Write("\r\n");
        foreach (var imported in reports)
        {
            var values = CsvColumns.Select(c => Value(imported, c) ?? string.Empty);
            writer.Write(string.Join(",", values.Select(Quote)));
            writer.Write("\r\n");
        }
    }

    private static List<string> BuildColumns()
    {
        var columns = new List<string> { "file", "error", "agency", "year", "template", "publishedOn" };
        columns.AddRange(NarrativeReader.SectionKeys.Select(k => $"sections.{k}"));
        foreach (var layout in new[] { Article20Layout.Format2019, Article20Layout.Format2021 })
        {
            foreach (var (row, cols) in layout.Rows)
            {
                foreach (var col in cols)
                {
                    var key = $"article20.{row.Key}.{col.Key}";
                    if (!columns.Contains(key))
                    {
                        columns.Add(key);
                    }
                }
            }
        }

        foreach (var row in ApplicationsLayout.AllKeys)
        {
            columns.AddRange(ApplicantColumns.All.Select(c => $"applications.{row}.{c.Key()}"));
        }

        foreach (var group in ReviewLitigationLabels.Groups)
        {
            columns.AddRange(ReviewLitigationLabels.Outcomes.Select(o => $"reviewLitigation.{group.Key()}.{o.Key()}"));
        }

        columns.AddRange(["errors", "warnings", "findings"]);
        return columns;
    }

    private static string? Value(ImportedReport imported, string column)
    {
        var r = imported.Report;
        switch (column)
        {
            case "file": return imported.File;
            case "error": return imported.Error;
            case "errors": return imported.Findings.Count(f => f.Severity == FindingSeverity.Error).ToString(CultureInfo.InvariantCulture);
            case "warnings": return imported.Findings.Count(f => f.Severity == FindingSeverity.Warning).ToString(CultureInfo.InvariantCulture);
            case "findings":
                return string.Join("\n", imported.Findings.Select(f => $"{f.Rule}: {f.Message} [{string.Join(" ", f.Location)}]"));
        }

        if (r is null)
        {
            return null;
        }

        switch (column)
        {
            case "agency": return r.Agency;
            case "year": return r.Year.ToString(CultureInfo.InvariantCulture);
            case "template": return r.Template.Code();
            case "publishedOn": return r.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var parts = column.Split('.');
        switch (parts[0])
        {
            case "sections":
                return r.Sections.InOrder(r.Template).FirstOrDefault(s => s.Key == parts[1]).Text;
            case "article20":
                return r.Article20.Has(parts[1], parts[2]) ? r.Article20[parts[1], parts[2]]?.ToString() : null;
            case "applications":
                {
                    var rowKey = string.Join(".", parts[1..^1]);
                    var applicant = ApplicantColumns.All.First(c => c.Key() == parts[^1]);
                    return r.Applications.HasRow(rowKey) ? r.Applications[rowKey, applicant]?.ToString(CultureInfo.InvariantCulture) : null;
                }

            case "reviewLitigation":
                {
                    var group = ReviewLitigationLabels.Groups.First(g => g.Key() == parts[1]);
                    var outcome = ReviewLitigationLabels.Outcomes.First(o => o.Key() == parts[2]);
                    return r.ReviewLitigation[group, outcome]?.ToString(CultureInfo.InvariantCulture);
                }

            default:
                return null;
        }
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
