using System.CommandLine;
using System.Text;
using Gongkai.Documents.Reading;
using Gongkai.Domain.Reports;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai import FILE|DIR...</c>: reads published annual reports (text, Markdown, HTML, DOCX, PDF) into the
/// canonical report and audits them (checker, reader's doubts, narrative against tables, completeness, Art. 49
/// timeliness, cross-year continuity, copying). Exit 0 when every file was read, 2 otherwise.
/// </summary>
internal static class ImportCommand
{
    private static readonly string[] Extensions = [".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"];

    /// <summary>How many locations a finding lists on screen.</summary>
    private const int LocationsShown = 4;

    public static Command Create(CliOutput output)
    {
        var files = new Argument<string[]>("FILE") { Description = "年度报告文件（.txt .md .html .docx .pdf），或包含这些文件的文件夹", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "以 JSON 数组输出（每个文件一个元素：规范格式的报告加 file 和 findings，或 file 和 error）" };
        var summary = new Option<string?>("--summary") { Description = "另写一个 CSV 汇总表：每份报告一行，列为规范格式的各个键及其发现的问题" };
        var government = new Option<string[]>("--government") { Description = "把该机关按人民政府计（第四十九条：3月31日前公布）；可重复" };
        var department = new Option<string[]>("--department") { Description = "把该机关按政府部门计（第四十九条：1月31日前公布）；可重复" };
        var command = new Command("import", "读取已公布的政府信息公开工作年度报告（文本、Markdown、HTML、DOCX、PDF），转为规范格式并检查：勾稽关系、正文与表格是否一致、六个部分是否齐全、是否按时公布、与上年或其他机关的报告是否雷同。全部读取成功时退出码为0，否则为2。")
        {
            files, json, summary, government, department,
        };
        command.SetAction(parse =>
        {
            var paths = Expand(parse.GetRequiredValue(files), output, out var missing);
            var governments = (parse.GetValue(government) ?? []).Select(n => n.Trim()).ToHashSet(StringComparer.Ordinal);
            var departments = (parse.GetValue(department) ?? []).Select(n => n.Trim()).ToHashSet(StringComparer.Ordinal);
            var options = new ImportOptions
            {
                AgencyLevel = name => governments.Contains(name) ? AgencyLevel.Government
                    : departments.Contains(name) ? AgencyLevel.Department
                    : AgencyLevels.ByName(name),
            };
            var reports = new ReportImporter(options).ReadFiles(paths.Where(p => !missing.ContainsKey(p)))
                .ToDictionary(r => r.File, r => r);
            var ordered = paths.Select(p => missing.TryGetValue(p, out var error) ? ImportedReport.Unreadable(p, error) : reports[p]).ToList();

            if (parse.GetValue(summary) is { } csv
                && !CliFiles.WriteAtomically(csv, stream =>
                {
                    using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                    ImportOutput.WriteCsv(writer, ordered);
                }, output))
            {
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(json))
            {
                output.Out.Write(ImportOutput.Json(ordered));
            }
            else
            {
                foreach (var imported in ordered)
                {
                    WriteText(output.Out, imported);
                }
            }

            foreach (var failed in ordered.Where(r => !r.Succeeded))
            {
                output.Error.WriteLine($"错误：{failed.File}：{failed.Error}");
            }

            return ordered.All(r => r.Succeeded) && ordered.Count > 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return command;
    }

    /// <summary>Files as given; a folder stands for its report files, in name order.</summary>
    private static List<string> Expand(string[] given, CliOutput output, out Dictionary<string, string> missing)
    {
        missing = [];
        var paths = new List<string>();
        foreach (var path in given)
        {
            if (Directory.Exists(path))
            {
                var inside = Directory.EnumerateFiles(path)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .ToList();
                if (inside.Count == 0)
                {
                    output.Error.WriteLine($"注意：文件夹 {path} 中没有年度报告文件（{string.Join(" ", Extensions)}）");
                }

                paths.AddRange(inside);
            }
            else
            {
                if (!File.Exists(path))
                {
                    missing[path] = "找不到文件";
                }

                paths.Add(path);
            }
        }

        return paths;
    }

    /// <summary><c>line 12</c> → 第12行, <c>page 2 line 3</c> → 第2页第3行, <c>paragraph 9</c> → 第9段.</summary>
    private static string Where(string pointer)
    {
        var parts = pointer.Split(' ');
        return parts switch
        {
            ["line", var n] => $"第{n}行",
            ["page", var p, "line", var n] => $"第{p}页第{n}行",
            ["paragraph", var n] => $"第{n}段",
            _ => pointer,
        };
    }

    private static void WriteText(TextWriter w, ImportedReport imported)
    {
        w.WriteLine($"文件：{imported.File}");
        if (imported.Report is not { } report)
        {
            w.WriteLine($"  无法读取：{imported.Error}");
            w.WriteLine();
            return;
        }

        var published = report.PublishedOn is { } d ? $"，落款日期 {d:yyyy-MM-dd}" : "，无落款日期";
        w.WriteLine($"  {report.Agency} {report.Year}年度，{report.Template.DisplayName()}{published}");
        var errors = imported.Findings.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = imported.Findings.Count - errors;
        if (imported.Findings.Count == 0)
        {
            w.WriteLine("  未发现问题。");
        }
        else
        {
            w.WriteLine($"  发现{errors}处错误、{warnings}处提示：");
            foreach (var f in imported.Findings.OrderBy(f => f.Severity == FindingSeverity.Error ? 0 : 1))
            {
                var sources = f.Location.Where(l => l.StartsWith("source:", StringComparison.Ordinal)).Select(l => Where(l["source:".Length..])).ToList();
                var cells = f.Location.Where(l => !l.StartsWith("source:", StringComparison.Ordinal)).ToList();
                var shown = string.Join("、", cells.Take(LocationsShown)) + (cells.Count > LocationsShown ? $"等{cells.Count}处" : string.Empty);
                var where = sources.Count > 0 ? $"；原文 {string.Join("、", sources.Take(LocationsShown))}" : string.Empty;
                w.WriteLine($"  [{(f.Severity == FindingSeverity.Error ? "错误" : "提示")}] {f.Message}（规则 {f.Rule}；位置 {shown}{where}）");
            }
        }

        w.WriteLine();
    }
}
