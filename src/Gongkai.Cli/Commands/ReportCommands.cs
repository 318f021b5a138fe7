using System.CommandLine;
using System.Text;
using System.Text.Json;
using Gongkai.Application.Reports;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Reports;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai report …</c>: check and render annual reports (the canonical JSON of docs/report-model.md).</summary>
internal static class ReportCommands
{
    /// <summary>How many cell keys a finding lists on screen before it says "等N处".</summary>
    private const int LocationsShown = 6;

    public static Command Create(CliOutput output, TimeProvider clock)
    {
        var report = new Command("report", "年度报告：由案件记录生成、检查勾稽关系、输出 HTML 或 Word（DOCX）文件。");
        report.Subcommands.Add(CreateBuild(output, clock));
        report.Subcommands.Add(CreateCheck(output));
        report.Subcommands.Add(CreateRender(output));
        return report;
    }

    private static Command CreateBuild(CliOutput output, TimeProvider clock)
    {
        var agency = CliContext.AgencyOption();
        var year = new Option<int>("--year") { Description = "报告年度（统计的年份），如 2025", Required = true };
        var format = new Option<string>("--format") { Description = "json（默认）、html 或 docx", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "html", "docx");
        var outPath = new Option<string?>("--out") { Description = "输出文件；省略时 JSON 和 HTML 输出到标准输出" };
        var database = new CliDatabase();
        var build = new Command("build", "由本机关的记录生成年度报告（按年度选用国家格式）：第二部分表格来自主动公开目录、规章和规范性文件登记和第二十条数据，第三、四部分来自案件和复议诉讼记录，并起草第一、二部分的文字供修改。") { agency, year, format, outPath };
        database.AddTo(build);
        build.SetAction(async (parse, cancellationToken) =>
        {
            var y = parse.GetValue(year);
            if (y is < 2019 or > 2100)
            {
                return output.Fail($"报告年度 {y} 无效：本条例（2019年修订）的年度报告从2019年度起");
            }

            var chosen = parse.GetValue(format)!;
            var target = parse.GetValue(outPath);
            if (chosen == "docx" && target is null)
            {
                return output.Fail("DOCX 是二进制文件，请用 --out 指定输出文件");
            }

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, cancellationToken);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var built = await context.Get<BuildAnnualReport>().ExecuteAsync(new BuildAnnualReportRequest(context.Agency, y, ReportBasis.Records), cancellationToken);
            if (built.Value is not { } model)
            {
                return output.Fail(built.Error!);
            }

            Action<Stream> write = chosen switch
            {
                "docx" => stream => DocxReportRenderer.Render(model, stream),
                "html" => stream => stream.Write(new UTF8Encoding(false).GetBytes(HtmlReportRenderer.Render(model))),
                _ => stream => stream.Write(new UTF8Encoding(false).GetBytes(ReportJson.Write(model))),
            };
            if (target is null)
            {
                var buffer = new MemoryStream();
                write(buffer);
                output.Out.Write(Encoding.UTF8.GetString(buffer.ToArray()));
                return ExitCodes.Ok;
            }

            if (!CliFiles.WriteAtomically(target, write, output))
            {
                return ExitCodes.BadInput;
            }

            output.Out.WriteLine($"已生成 {target}");
            return ExitCodes.Ok;
        });
        return build;
    }

    private static Command CreateCheck(CliOutput output)
    {
        var input = new Option<string>("--in") { Description = "年度报告的 JSON 文件（格式见 report-model.md）", Required = true };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出检查结果（供程序使用）" };
        var check = new Command("check", "检查年度报告的勾稽关系与各项合计。无错误时退出码为0，有错误为1，输入无法读取为2。") { input, json };
        check.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(input);
            var model = CliFiles.ReadReport(path, output);
            if (model is null)
            {
                return ExitCodes.BadInput;
            }

            var findings = new CheckAnnualReport().Execute(model).Value!.Findings;
            if (parse.GetValue(json))
            {
                WriteJson(output.Out, path, model, findings);
            }
            else
            {
                WriteText(output.Out, model, findings);
            }

            return findings.Any(f => f.Severity == FindingSeverity.Error) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return check;
    }

    private static Command CreateRender(CliOutput output)
    {
        var input = new Option<string>("--in") { Description = "年度报告的 JSON 文件", Required = true };
        var format = new Option<string>("--format") { Description = "输出格式：html 或 docx", Required = true };
        format.AcceptOnlyFromAmong("html", "docx");
        var outPath = new Option<string>("--out") { Description = "输出文件路径（已存在则覆盖）", Required = true };
        var render = new Command("render", "把年度报告生成为 HTML 网页或 Word（DOCX）文件，版式按国家年度报告格式。") { input, format, outPath };
        render.SetAction(parse =>
        {
            var model = CliFiles.ReadReport(parse.GetRequiredValue(input), output);
            if (model is null)
            {
                return ExitCodes.BadInput;
            }

            var target = parse.GetRequiredValue(outPath);
            var written = parse.GetRequiredValue(format) switch
            {
                "docx" => CliFiles.WriteAtomically(target, stream => DocxReportRenderer.Render(model, stream), output),
                _ => CliFiles.WriteAtomically(target, stream => stream.Write(new UTF8Encoding(false).GetBytes(HtmlReportRenderer.Render(model))), output),
            };
            if (!written)
            {
                return ExitCodes.BadInput;
            }

            var errors = new CheckAnnualReport().Execute(model).Value!.Errors;
            if (errors > 0)
            {
                output.Error.WriteLine($"注意：报告中有{errors}处数据不一致，已照原样生成。运行 gongkai report check --in … 查看。");
            }

            output.Out.WriteLine($"已生成 {target}");
            return ExitCodes.Ok;
        });
        return render;
    }

    private static void WriteText(TextWriter w, AnnualReport report, IReadOnlyList<Finding> findings)
    {
        w.WriteLine($"{report.Agency} {report.Year}年度政府信息公开工作年度报告 · {report.Template.DisplayName()}");
        if (findings.Count == 0)
        {
            w.WriteLine("未发现问题：各表勾稽关系和合计均相符。");
            return;
        }

        foreach (var finding in findings)
        {
            var label = finding.Severity == FindingSeverity.Error ? "错误" : "警告";
            w.WriteLine($"[{label}] {finding.Message}");
            var shown = string.Join("、", finding.Location.Take(LocationsShown));
            var more = finding.Location.Count > LocationsShown ? $" 等{finding.Location.Count}处" : string.Empty;
            w.WriteLine($"    规则 {finding.Rule}；位置 {shown}{more}");
        }

        var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
        w.WriteLine($"共{errors}个错误、{findings.Count - errors}个警告。");
    }

    private static void WriteJson(TextWriter w, string path, AnnualReport report, IReadOnlyList<Finding> findings)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ReportJson.CanonicalWriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteString("agency", report.Agency);
            json.WriteNumber("year", report.Year);
            json.WriteString("template", report.Template.Code());
            json.WriteNumber("errors", findings.Count(f => f.Severity == FindingSeverity.Error));
            json.WriteNumber("warnings", findings.Count(f => f.Severity == FindingSeverity.Warning));
            json.WritePropertyName("findings");
            ReportJson.WriteFindings(json, findings);
            json.WriteEndObject();
        }

        w.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
