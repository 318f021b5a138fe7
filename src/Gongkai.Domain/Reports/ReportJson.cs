using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Domain.Json;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Reports;

/// <summary>The outcome of reading a report's JSON: the report, or every error found in it.</summary>
public sealed record ReportJsonResult(AnnualReport? Report, IReadOnlyList<JsonProblem> Errors)
{
    /// <summary>Whether the JSON was read without error.</summary>
    public bool Succeeded => Report is not null && Errors.Count == 0;
}

/// <summary>
/// Reads and writes the canonical JSON of the annual report (docs/report-model.md), under exactly its keys and
/// in its order. Reading is strict (unknown keys, wrong types and missing cells are errors naming the
/// field and line) so that a typo never becomes a silently blank cell.
/// </summary>
public static class ReportJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] RootKeys =
        ["schema", "agency", "year", "template", "publishedOn", "sections", "article20", "applications", "reviewLitigation", "findings"];

    private static readonly string[] SectionKeys = ["overview", "proactive", "applications", "reviewLitigation", "problems", "other"];

    /// <summary>The report as canonical JSON (2-space indent, Chinese unescaped, trailing newline).</summary>
    public static string Write(AnnualReport report)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("schema", AnnualReport.SchemaId);
            w.WriteString("agency", report.Agency);
            w.WriteNumber("year", report.Year);
            w.WriteString("template", report.Template.Code());
            if (report.PublishedOn is { } published)
            {
                w.WriteString("publishedOn", DateText.Iso(published));
            }
            else
            {
                w.WriteNull("publishedOn");
            }

            w.WriteStartObject("sections");
            foreach (var (key, _, text) in report.Sections.InOrder(report.Template))
            {
                w.WriteString(key, text);
            }

            w.WriteEndObject();
            WriteArticle20(w, report.Article20);
            WriteApplications(w, report.Applications);
            w.WriteStartObject("reviewLitigation");
            foreach (var group in ReviewLitigationLabels.Groups)
            {
                WriteCells(w, group.Key(), report.ReviewLitigation[group]);
            }

            w.WriteEndObject();
            w.WritePropertyName("findings");
            WriteFindings(w, report.Findings);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes a list of findings as a JSON array (the <c>findings</c> shape of docs/report-model.md).</summary>
    public static void WriteFindings(Utf8JsonWriter w, IEnumerable<Finding> findings)
    {
        w.WriteStartArray();
        foreach (var finding in findings)
        {
            w.WriteStartObject();
            w.WriteString("rule", finding.Rule);
            w.WriteStartArray("location");
            foreach (var location in finding.Location)
            {
                w.WriteStringValue(location);
            }

            w.WriteEndArray();
            w.WriteString("message", finding.Message);
            w.WriteString("severity", finding.SeverityCode);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Options for other writers that must match the canonical JSON's style.</summary>
    public static JsonWriterOptions CanonicalWriterOptions => WriterOptions;

    /// <summary>Reads a report from its JSON text; every problem is reported with its path and line.</summary>
    public static ReportJsonResult Read(string json)
    {
        var (report, errors) = JsonModelReader<AnnualReport>.Read(json, lines => new Reader(lines), e =>
            (e.BytePositionInLine is { } c ? $"第{c + 1}个字节附近" : string.Empty) + $"不是有效的JSON（{Describe(e)}）");
        return new ReportJsonResult(report, errors);
    }

    private static string Describe(JsonException e)
    {
        // The parser's own wording, without its "Path: … | LineNumber: …" tail, which we state in Chinese.
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    private static void WriteArticle20(Utf8JsonWriter w, Article20Table table)
    {
        w.WriteStartObject("article20");
        foreach (var (row, columns) in table.Layout.Rows)
        {
            w.WriteStartObject(row.Key);
            foreach (var column in columns)
            {
                w.WritePropertyName(column.Key);
                switch (table[row.Key, column.Key])
                {
                    case null:
                        w.WriteNullValue();
                        break;
                    case { Number: { } number }:
                        w.WriteNumberValue(Normalize(number));
                        break;
                    case { Text: { } text }:
                        w.WriteStringValue(text);
                        break;
                    default:
                        w.WriteNullValue();
                        break;
                }
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteApplications(Utf8JsonWriter w, ApplicationsTable table)
    {
        w.WriteStartObject("applications");
        string? openGroup = null;
        foreach (var key in ApplicationsLayout.AllKeys)
        {
            var path = key.Split('.');
            var group = path.Length == 2 ? path[0] : null;
            if (openGroup is not null && openGroup != group)
            {
                w.WriteEndObject();
                openGroup = null;
            }

            if (group is not null && openGroup is null)
            {
                w.WriteStartObject(group);
                openGroup = group;
            }

            var name = path[^1];
            if (table.HasRow(key))
            {
                WriteCells(w, name, table[key]);
            }
            else
            {
                w.WriteNull(name);
            }
        }

        if (openGroup is not null)
        {
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteCells(Utf8JsonWriter w, string name, int?[] cells)
    {
        w.WriteStartArray(name);
        foreach (var cell in cells)
        {
            if (cell is { } value)
            {
                w.WriteNumberValue(value);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
    }

    /// <summary>Drops trailing zeros of the decimal's scale, so 834200.00 is written 834200.</summary>
    private static decimal Normalize(decimal value) =>
        decimal.Parse(value.ToString("G29", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Maps the parsed document onto the model, collecting every error instead of stopping at the first.</summary>
    private sealed class Reader(JsonSourceLines lines) : JsonModelReader<AnnualReport>(lines)
    {
        protected override string NotAnObject => "报告应为一个JSON对象（{…}）";

        protected override AnnualReport? ReadObject(JsonElement root)
        {
            RejectUnknown(root, string.Empty, RootKeys);
            if (root.TryGetProperty("schema", out var schema) && schema.ValueKind != JsonValueKind.Null &&
                (schema.ValueKind != JsonValueKind.String || schema.GetString() != AnnualReport.SchemaId))
            {
                Error("schema", $"应为 \"{AnnualReport.SchemaId}\"");
            }

            var agency = root.TryGetProperty("agency", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()!.Trim() : null;
            if (string.IsNullOrEmpty(agency))
            {
                Error("agency", "缺少机关名称（应为非空字符串）");
            }

            int? year = null;
            if (!root.TryGetProperty("year", out var y) || y.ValueKind != JsonValueKind.Number || !y.TryGetInt32(out var yv) || yv is < 2000 or > 2100)
            {
                Error("year", "缺少报告年度（应为2000至2100之间的整数，如 2020）");
            }
            else
            {
                year = yv;
            }

            ReportTemplate? template = null;
            if (root.TryGetProperty("template", out var t) && t.ValueKind != JsonValueKind.Null)
            {
                if (t.ValueKind == JsonValueKind.String && ReportTemplates.TryParseCode(t.GetString(), out var parsed))
                {
                    template = parsed;
                }
                else
                {
                    Error("template", "应为 \"2019\"（试行格式）或 \"2021\"（2021年格式），或省略以按年度确定");
                }
            }

            if (agency is null || year is null || (root.TryGetProperty("template", out t) && t.ValueKind != JsonValueKind.Null && template is null))
            {
                return null;
            }

            var report = new AnnualReport(agency, year.Value, template);
            ReadPublishedOn(root, report);
            ReadSections(root, report);
            ReadArticle20(root, report);
            ReadApplications(root, report);
            ReadReviewLitigation(root, report);
            ReadFindings(root, report);
            return report;
        }

        private void ReadPublishedOn(JsonElement root, AnnualReport report)
        {
            if (!root.TryGetProperty("publishedOn", out var p) || p.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            if (p.ValueKind == JsonValueKind.String &&
                DateOnly.TryParseExact(p.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                report.PublishedOn = date;
            }
            else
            {
                Error("publishedOn", "应为 YYYY-MM-DD 格式的日期（如 2021-01-18）或 null");
            }
        }

        private void ReadSections(JsonElement root, AnnualReport report)
        {
            if (!root.TryGetProperty("sections", out var sections) || sections.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            if (sections.ValueKind != JsonValueKind.Object)
            {
                Error("sections", "应为对象，键为 overview、proactive、applications、reviewLitigation、problems、other");
                return;
            }

            RejectUnknown(sections, "sections", SectionKeys);
            foreach (var key in SectionKeys)
            {
                if (!sections.TryGetProperty(key, out var text) || text.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (text.ValueKind == JsonValueKind.String)
                {
                    report.Sections.TrySet(key, text.GetString());
                }
                else
                {
                    Error($"sections.{key}", "应为文字（字符串）或 null");
                }
            }
        }

        private void ReadArticle20(JsonElement root, AnnualReport report)
        {
            var layout = report.Article20.Layout;
            if (!Object(root, "article20", string.Empty, out var table))
            {
                return;
            }

            RejectUnknown(table, "article20", layout.Rows.Select(r => r.Row.Key));
            foreach (var (row, columns) in layout.Rows)
            {
                var rowPath = $"article20.{row.Key}";
                if (!Object(table, row.Key, "article20", out var cells))
                {
                    continue;
                }

                RejectUnknown(cells, rowPath, columns.Select(c => c.Key));
                foreach (var column in columns)
                {
                    var path = $"{rowPath}.{column.Key}";
                    if (!cells.TryGetProperty(column.Key, out var cell))
                    {
                        Error(path, $"缺少单元格（{row.Label}·{column.Label}）；空白请写 null");
                        continue;
                    }

                    report.Article20[row.Key, column.Key] = ReadArticle20Value(cell, column, path, row.Label);
                }
            }
        }

        private Article20Value? ReadArticle20Value(JsonElement cell, Article20Column column, string path, string rowLabel)
        {
            var what = $"{rowLabel}·{column.Label}";
            switch (cell.ValueKind)
            {
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.String when column.Kind == Article20ValueKind.Change && !string.IsNullOrWhiteSpace(cell.GetString()):
                    return Article20Value.Words(cell.GetString()!.Trim());
                case JsonValueKind.Number:
                    if (!cell.TryGetDecimal(out var number))
                    {
                        // 1e400, 1e308: beyond what a decimal holds, so beyond any real figure of the report.
                        Error(path, $"{what} 数值超出范围：{cell.GetRawText()}");
                        return null;
                    }

                    switch (column.Kind)
                    {
                        case Article20ValueKind.Count when number < 0 || decimal.Truncate(number) != number:
                            Error(path, $"{what} 应为非负整数，而不是 {cell.GetRawText()}");
                            return null;
                        case Article20ValueKind.Change when decimal.Truncate(number) != number:
                            Error(path, $"{what} 应为整数（增为正、减为负），而不是 {cell.GetRawText()}");
                            return null;
                        case Article20ValueKind.AmountYuan or Article20ValueKind.AmountTenThousandYuan when number < 0:
                            Error(path, $"{what} 金额不能为负数：{cell.GetRawText()}");
                            return null;
                        default:
                            return Article20Value.Of(number);
                    }

                default:
                    Error(path, column.Kind == Article20ValueKind.Change
                        ? $"{what} 应为整数、印刷的文字（如 \"增\"）或 null"
                        : $"{what} 应为数字或 null，而不是 {cell.GetRawText()}");
                    return null;
            }
        }

        private void ReadApplications(JsonElement root, AnnualReport report)
        {
            if (!Object(root, "applications", string.Empty, out var table))
            {
                return;
            }

            var groups = ApplicationsLayout.AllKeys.Select(k => k.Split('.')[0]).Distinct();
            RejectUnknown(table, "applications", groups);
            foreach (var key in ApplicationsLayout.AllKeys)
            {
                var path = key.Split('.');
                var container = table;
                if (path.Length == 2)
                {
                    if (!table.TryGetProperty(path[0], out container) || container.ValueKind != JsonValueKind.Object)
                    {
                        continue; // reported once below, for the group
                    }
                }

                var fullPath = $"applications.{key}";
                var definition = ApplicationsLayout.Find(report.Template, key);
                var present = container.TryGetProperty(path[^1], out var cells);
                if (definition is null)
                {
                    if (present && cells.ValueKind != JsonValueKind.Null)
                    {
                        Error(fullPath, $"{report.Template.DisplayName()}没有这一行（三（六）的分项始于2021年格式），应为 null");
                    }

                    continue;
                }

                if (!present)
                {
                    Error(fullPath, $"缺少 {definition.Name} 这一行（7个单元格的数组，空白写 null）");
                    continue;
                }

                ReadCells(cells, fullPath, definition.Name, report.Applications[key], ApplicantColumns.All.Select(c => c.Label()).ToArray());
            }

            foreach (var group in groups.Where(g => ApplicationsLayout.AllKeys.Any(k => k.StartsWith(g + ".", StringComparison.Ordinal))))
            {
                if (!table.TryGetProperty(group, out var value) || value.ValueKind != JsonValueKind.Object)
                {
                    Error($"applications.{group}", "缺少这一组，或它不是对象");
                }
                else
                {
                    RejectUnknown(value, $"applications.{group}",
                        ApplicationsLayout.AllKeys.Where(k => k.StartsWith(group + ".", StringComparison.Ordinal)).Select(k => k.Split('.')[1]));
                }
            }
        }

        private void ReadReviewLitigation(JsonElement root, AnnualReport report)
        {
            if (!Object(root, "reviewLitigation", string.Empty, out var table))
            {
                return;
            }

            RejectUnknown(table, "reviewLitigation", ReviewLitigationLabels.Groups.Select(g => g.Key()));
            var labels = ReviewLitigationLabels.Outcomes.Select(o => o.Label()).ToArray();
            foreach (var group in ReviewLitigationLabels.Groups)
            {
                var path = $"reviewLitigation.{group.Key()}";
                if (!table.TryGetProperty(group.Key(), out var cells))
                {
                    Error(path, $"缺少 {group.Label()}（5个单元格的数组，空白写 null）");
                    continue;
                }

                ReadCells(cells, path, group.Label(), report.ReviewLitigation[group], labels);
            }
        }

        private void ReadCells(JsonElement cells, string path, string name, int?[] target, string[] columnLabels)
        {
            if (cells.ValueKind != JsonValueKind.Array || cells.GetArrayLength() != target.Length)
            {
                Error(path, $"{name} 应为{target.Length}个单元格的数组（{string.Join("、", columnLabels)}），空白写 null");
                return;
            }

            var i = 0;
            foreach (var cell in cells.EnumerateArray())
            {
                if (cell.ValueKind == JsonValueKind.Null)
                {
                    target[i] = null;
                }
                else if (cell.ValueKind == JsonValueKind.Number && cell.TryGetInt32(out var n) && n >= 0)
                {
                    target[i] = n;
                }
                else
                {
                    Error($"{path}[{i}]", $"{name}·{columnLabels[i]} 应为非负整数或 null，而不是 {cell.GetRawText()}");
                }

                i++;
            }
        }

        private void ReadFindings(JsonElement root, AnnualReport report)
        {
            if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            if (findings.ValueKind != JsonValueKind.Array)
            {
                Error("findings", "应为数组");
                return;
            }

            var i = 0;
            foreach (var f in findings.EnumerateArray())
            {
                var path = $"findings[{i++}]";
                if (f.ValueKind != JsonValueKind.Object ||
                    !f.TryGetProperty("rule", out var rule) || rule.ValueKind != JsonValueKind.String ||
                    !f.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String ||
                    !f.TryGetProperty("severity", out var severity) || severity.ValueKind != JsonValueKind.String ||
                    severity.GetString() is not ("error" or "warning"))
                {
                    Error(path, "每条检查结果应有 rule、location、message、severity（error 或 warning）");
                    continue;
                }

                var location = f.TryGetProperty("location", out var loc) && loc.ValueKind == JsonValueKind.Array
                    ? loc.EnumerateArray().Select(l => l.ValueKind == JsonValueKind.String ? l.GetString()! : l.GetRawText()).ToList()
                    : [];
                report.Findings.Add(new Finding(rule.GetString()!, location, message.GetString()!,
                    severity.GetString() == "error" ? FindingSeverity.Error : FindingSeverity.Warning));
            }
        }

        private bool Object(JsonElement parent, string key, string parentPath, out JsonElement value)
        {
            var path = parentPath.Length == 0 ? key : $"{parentPath}.{key}";
            if (!parent.TryGetProperty(key, out value))
            {
                Error(path, "缺少这一部分");
                return false;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                Error(path, "应为对象（{…}）");
                return false;
            }

            return true;
        }

        private void RejectUnknown(JsonElement obj, string path, IEnumerable<string> known)
        {
            var allowed = known.ToHashSet(StringComparer.Ordinal);
            foreach (var (full, name) in Unknown(obj, path, allowed))
            {
                Error(full, $"未知字段 \"{name}\"；此处允许的字段为 {string.Join("、", allowed)}");
            }
        }
    }
}
