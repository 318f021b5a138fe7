using System.CommandLine;
using Gongkai.Application.Cases;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai cases …</c>: application cases (依申请公开) in the database.</summary>
internal static class CasesCommands
{
    public static Command Create(CliOutput output, TimeProvider clock)
    {
        var cases = new Command("cases", "依申请公开案件：导入台账。");
        cases.Subcommands.Add(CreateImport(output, clock));
        return cases;
    }

    private static Command CreateImport(CliOutput output, TimeProvider clock)
    {
        var file = new Argument<string>("FILE") { Description = "台账文件：.csv（UTF-8 或 GB18030）或 .xlsx，首行为表头" };
        var agency = CliContext.AgencyOption();
        var by = new Option<string>("--by") { Description = "导入人（记入每件案件的办理记录）", DefaultValueFactory = _ => Environment.UserName };
        var database = new CliDatabase();
        var import = new Command("import",
            "导入台账：列为 申请编号（可选）、收到日期、申请人类型、申请人、申请方式（可选）、申请内容（可选）、办结日期（空白为在办）、办理结果。" +
            "有任何一行出错则整个文件不导入，并列出每个出错的行和列。") { file, agency, by };
        database.AddTo(import);
        import.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                return output.Fail($"找不到文件 {path}");
            }

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agency, cancellationToken);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            Gongkai.Domain.Results.Result<LedgerImported> result;
            await using (var stream = File.OpenRead(path))
            {
                result = await context.Get<ImportLedger>().ExecuteAsync(new ImportLedgerRequest(context.AgencyId, stream, path, parse.GetValue(by)!), cancellationToken);
            }

            if (result.Value is not { } imported)
            {
                return output.Fail(result.Error!, count => $"{path} 有{count}处问题，整个文件未导入");
            }

            output.Out.WriteLine($"已导入 {imported.Imported} 件申请到“{context.Agency.Name}”，其中在办 {imported.Open} 件。");
            return ExitCodes.Ok;
        });
        return import;
    }
}
