using System.CommandLine;
using System.Text;
using Gongkai.Application.Agencies;
using Gongkai.Application.Supervision;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Results;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai rollup --agency CODE --year YYYY [--format json|csv|docx] [--out FILE]</c>: the supervising office's
/// roll-up (汇总) of the annual reports of an agency and every agency under it (Art. 50; issue #12, 4).
/// </summary>
internal static class RollupCommand
{
    public static Command Create(CliOutput output, TimeProvider clock)
    {
        var agency = new Option<string>("--agency") { Description = "上级机关的代码或名称：汇总它和它所属的全部机关", Required = true };
        var year = new Option<int>("--year") { Description = "报告年度（统计的年份），如 2025", Required = true };
        var format = new Option<string>("--format") { Description = "json（默认）、csv 或 docx", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "docx");
        var outPath = new Option<string?>("--out") { Description = "输出文件；省略时 JSON 和 CSV 输出到标准输出" };
        var database = new CliDatabase();
        var rollup = new Command("rollup",
            "汇总一个机关及其所属全部机关的年度报告（第二、三、四部分）：已发布或已导入年报的机关按其公布的数字，其他机关按平台记录统计；" +
            "JSON 按年度报告数据模型的键输出总计、按机关类型的小计和每个机关的数字及来源。") { agency, year, format, outPath };
        database.AddTo(rollup);
        rollup.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(format)!;
            var target = parse.GetValue(outPath);
            if (chosen == "docx" && target is null)
            {
                return output.Fail("DOCX 是二进制文件，请用 --out 指定输出文件");
            }

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agencyName: null, cancellationToken);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            // The one lookup of an agency (as CliContext does for every --agency), its refusal naming this option.
            var found = await context.Get<ResolveAgency>().ExecuteAsync(parse.GetValue(agency), cancellationToken);
            if (found.Error is { } unknown)
            {
                return output.Fail(new Refused($"{unknown.Message}；未生成汇总", "--agency"));
            }

            var result = await context.Get<RollUpReports>().ExecuteAsync(new RollupRequest(found.Value!.Id, parse.GetValue(year)), cancellationToken);
            if (result.Error is { } error)
            {
                return output.Fail(error);
            }

            var total = result.Value!.Current;
            Action<Stream> write = chosen switch
            {
                "docx" => stream => DocxReportRenderer.Render(total.Total, stream),
                "csv" => stream =>
                {
                    using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
                    RollupOutput.WriteCsv(writer, total);
                }
                ,
                _ => stream => stream.Write(new UTF8Encoding(false).GetBytes(RollupOutput.Json(total))),
            };
            if (target is null)
            {
                var buffer = new MemoryStream();
                write(buffer);
                output.Out.Write(Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF'));
                return ExitCodes.Ok;
            }

            if (!CliFiles.WriteAtomically(target, write, output))
            {
                return ExitCodes.BadInput;
            }

            output.Out.WriteLine($"已生成 {target}（{total.Parts.Count}个机关）");
            return ExitCodes.Ok;
        });
        return rollup;
    }
}
