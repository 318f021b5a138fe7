using System.CommandLine;
using System.Globalization;
using Gongkai.Application.Article20;
using Gongkai.Documents.Disclosure;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Cli.Commands.Article20;

/// <summary><c>gongkai article20 …</c>: the figures of section 二 of the annual report (Art. 20 (二)–(八), Art. 50).</summary>
internal static class Article20Commands
{
    public static Command Create(CliOutput output, TimeProvider clock)
    {
        var article20 = new Command("article20", "年度报告第二部分的第二十条统计数：行政许可、其他对外管理服务事项、行政处罚、行政强制、行政事业性收费、政府集中采购。");
        article20.Subcommands.Add(CreateFigureSet(output, clock));
        article20.Subcommands.Add(CreateFigureImport(output, clock));
        return article20;
    }

    private static Command CreateFigureSet(CliOutput output, TimeProvider clock)
    {
        var agency = CliContext.AgencyOption();
        var year = new Option<int>("--year") { Description = "年度", Required = true };
        var row = new Option<string>("--row") { Description = "事项：" + string.Join("、", Article20FigureRows.All.Select(r => r.Label)), Required = true };
        var items = new Option<int?>("--items") { Description = "项目数量（年末；2019年格式据此计算上一年项目数量和本年增/减）" };
        var decisions = new Option<int?>("--decisions") { Description = "处理决定数量" };
        var projects = new Option<int?>("--projects") { Description = "采购项目数量" };
        var amount = new Option<decimal?>("--amount") { Description = "金额（元）：收费金额或采购总金额" };
        var database = new CliDatabase();
        var set = new Command("set", "录入某年度某事项的统计数（未给出的项保持原值）。") { agency, year, row, items, decisions, projects, amount };
        database.AddTo(set);
        set.SetAction(async (parse, ct) =>
        {
            if (Article20FigureRows.Find(parse.GetValue(row)!) is not { } found)
            {
                return output.Fail($"“{parse.GetValue(row)}”不是第二十条统计事项；应为 {string.Join("、", Article20FigureRows.All.Select(r => r.Label))}");
            }

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }
            var agencyRecord = context.Agency;
            var figure = new Article20Figure(found.Key, parse.GetValue(year), parse.GetValue(items), parse.GetValue(decisions), parse.GetValue(projects), parse.GetValue(amount));
            if ((await context.Get<SetArticle20Figure>().ExecuteAsync(agencyRecord.Id, figure, ct)).Error is { } error)
            {
                return output.Fail(error);
            }

            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已录入 {figure.Year}年 {found.Label}"));
            return ExitCodes.Ok;
        });
        return set;
    }

    private static Command CreateFigureImport(CliOutput output, TimeProvider clock)
    {
        var file = new Argument<string>("FILE") { Description = "CSV 文件（UTF-8 或 GB18030），列为 年度、事项、项目数量、处理决定数量、采购项目数量、金额（元）" };
        var agency = CliContext.AgencyOption();
        var database = new CliDatabase();
        var import = new Command("import", "从 CSV 导入第二十条统计数；任何一行有误则整个文件不导入，并列出每个出错的行。") { file, agency };
        database.AddTo(import);
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                return output.Fail($"找不到文件 {path}");
            }

            var (figures, errors) = Article20FiguresCsv.Read(await File.ReadAllBytesAsync(path, ct));
            if (errors.Count > 0)
            {
                output.Error.WriteLine($"错误：{path} 有{errors.Count}处问题，整个文件未导入：");
                foreach (var error in errors)
                {
                    output.Error.WriteLine($"  {error}");
                }

                return ExitCodes.BadInput;
            }

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }
            if ((await context.Get<ImportArticle20Figures>().ExecuteAsync(new Article20FiguresRequest(context.AgencyId, figures), ct)).Error is { } problem)
            {
                return output.Fail(problem);
            }

            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"已导入{figures.Count}行（{string.Join("、", figures.Select(f => f.Year).Distinct().Order())}年）"));
            return ExitCodes.Ok;
        });
        return import;
    }
}
