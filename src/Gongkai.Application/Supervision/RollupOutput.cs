using System.Text;
using System.Text.Json;
using Gongkai.Data.Supervision;
using Gongkai.Documents.Tables;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;

namespace Gongkai.Application.Supervision;

/// <summary>
/// A roll-up as a file: JSON in the report model's keys (docs/report-model.md) — the total, the total per kind and
/// one entry per agency with where its figures come from — or CSV, one row per agency and a total row, the canonical
/// keys as columns. The web page and <c>gongkai rollup</c> write the same.
/// </summary>
public static class RollupOutput
{
    /// <summary>The JSON <c>schema</c> of a roll-up.</summary>
    public const string SchemaId = "gongkai.rollup/1";

    /// <summary>The code of a figure source in JSON and CSV.</summary>
    public static string Code(this FigureSource source) => source switch
    {
        FigureSource.Records => "records",
        FigureSource.Published => "published-report",
        FigureSource.Imported => "imported-report",
    };

    /// <summary>The source in words for the office.</summary>
    public static string Label(this FigureSource source) => source switch
    {
        FigureSource.Records => "据平台记录统计",
        FigureSource.Published => "据已发布的年报",
        FigureSource.Imported => "据导入的已发布年报",
    };

    public static string Json(Rollup rollup)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, ReportJson.CanonicalWriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("schema", SchemaId);
            w.WriteString("agency", rollup.Total.Agency);
            w.WriteNumber("year", rollup.Year);
            w.WriteNumber("agencyCount", rollup.Parts.Count);
            w.WritePropertyName("total");
            w.WriteRawValue(ReportJson.Write(rollup.Total));
            w.WriteStartObject("byKind");
            foreach (var (kind, report) in rollup.ByKind)
            {
                w.WritePropertyName(kind.Key());
                w.WriteRawValue(ReportJson.Write(report));
            }

            w.WriteEndObject();
            w.WriteStartArray("agencies");
            foreach (var part in rollup.Parts)
            {
                w.WriteStartObject();
                w.WriteString("code", part.Agency.Code);
                w.WriteString("name", part.Agency.Name);
                w.WriteString("kind", part.Agency.Kind.Key());
                w.WriteString("source", part.Source.Code());
                w.WritePropertyName("report");
                w.WriteRawValue(ReportJson.Write(part.Report));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The CSV columns after code, name, kind and source: every numeric cell of sections 二, 三 and 四 by its canonical key.</summary>
    public static IReadOnlyList<string> CellKeys(ReportTemplate template)
    {
        var keys = new List<string>();
        foreach (var (row, columns) in Article20Layout.For(template).Rows)
        {
            keys.AddRange(columns.Select(c => $"article20.{row.Key}.{c.Key}"));
        }

        foreach (var row in ApplicationsLayout.For(template))
        {
            keys.AddRange(ApplicantColumns.All.Select(c => $"applications.{row.Key}.{c.Key()}"));
        }

        foreach (var group in ReviewLitigationLabels.Groups)
        {
            keys.AddRange(ReviewLitigationLabels.Outcomes.Select(o => $"reviewLitigation.{group.Key()}.{o.Key()}"));
        }

        return keys;
    }

    public static void WriteCsv(TextWriter writer, Rollup rollup)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        var template = rollup.Total.Template;
        var keys = CellKeys(template);
        var headers = new List<string> { "code", "name", "kind", "source" };
        headers.AddRange(keys);
        var rows = rollup.Parts.Select(p => Row(p.Agency.Code, p.Agency.Name, p.Agency.Kind.Key(), p.Source.Code(), p.Report, keys))
            .Append(Row(string.Empty, rollup.Total.Agency, "total", "sum", rollup.Total, keys));
        TableExport.WriteCsv(writer, headers, rows);
    }

    private static IReadOnlyList<object?> Row(string code, string name, string kind, string source, AnnualReport report, IReadOnlyList<string> keys)
    {
        var row = new List<object?> { code, name, kind, source };
        row.AddRange(keys.Select(k => Cell(report, k)));
        return row;
    }

    /// <summary>A cell by its canonical key (<c>applications.granted.total</c>); null when blank or not a number.</summary>
    public static object? Cell(AnnualReport report, string key)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(key);
        var first = key.IndexOf('.', StringComparison.Ordinal);
        var last = key.LastIndexOf('.');
        var section = key[..first];
        var row = key[(first + 1)..last];
        var column = key[(last + 1)..];
        return section switch
        {
            "article20" => report.Article20.Has(row, column) ? report.Article20[row, column]?.Number : null,
            "applications" => report.Applications.HasRow(row) ? report.Applications[row][(int)ApplicantColumns.All.First(c => c.Key() == column)] : null,
            "reviewLitigation" => report.ReviewLitigation[ReviewLitigationLabels.Groups.First(g => g.Key() == row)][(int)ReviewLitigationLabels.Outcomes.First(o => o.Key() == column)],
            _ => null,
        };
    }
}
