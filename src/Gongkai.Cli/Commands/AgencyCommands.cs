using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai agencies …</c>: the agencies in the database. Every other command names an existing agency with
/// <c>--agency</c>; a mistyped name is refused (exit 2, nothing created) instead of silently creating a second agency.
/// </summary>
internal static class AgencyCommands
{
    public static Command Create(CliOutput output, TimeProvider clock)
    {
        var agencies = new Command("agencies", "机关：新建、列出。其他命令的 --agency 须为已有机关的名称。");
        agencies.Subcommands.Add(CreateAdd(output, clock));
        agencies.Subcommands.Add(CreateList(output));
        return agencies;
    }

    /// <summary>
    /// The agency named by <c>--agency</c>, or null after writing to stderr that there is none (naming it and the
    /// agencies there are): the caller exits with 2, having created nothing.
    /// </summary>
    public static async Task<AgencyRecord?> FindAsync(GongkaiDbContext db, string name, CliOutput output, CancellationToken cancellationToken)
    {
        if (await AgencyDirectory.FindAsync(db, name, cancellationToken) is { } found)
        {
            return found;
        }

        var known = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Name).Take(20).ToListAsync(cancellationToken);
        output.Fail($"数据库中没有机关“{name.Trim()}”" + (known.Count == 0 ? "" : $"（已有：{string.Join("、", known)}）") + "；新机关请先用 gongkai agencies add 新建");
        return null;
    }

    private static Command CreateAdd(CliOutput output, TimeProvider clock)
    {
        var name = new Argument<string>("NAME") { Description = "机关名称，如“示范区卫生健康局”；以“人民政府”或“政府”结尾的视为人民政府（第四十九条：3月31日前公布年度报告）" };
        var database = new CliDatabase();
        var add = new Command("add", "新建机关（已有同名机关时不重复新建）。") { name };
        database.AddTo(add);
        add.SetAction(async (parse, ct) =>
        {
            var given = parse.GetValue(name)!.Trim();
            if (given.Length is 0 or > 200)
            {
                return output.Fail("机关名称：须为1至200个字");
            }

            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null)
            {
                return ExitCodes.BadInput;
            }

            var (agency, created) = await AgencyDirectory.FindOrCreateAsync(db, given, clock, ct);
            output.Out.WriteLine(created
                ? $"已新建机关“{agency.Name}”（{agency.Code}，{(agency.Kind == "government" ? "人民政府" : "政府部门")}）。"
                : $"已有机关“{agency.Name}”（{agency.Code}），未重复新建。");
            return ExitCodes.Ok;
        });
        return add;
    }

    private static Command CreateList(CliOutput output)
    {
        var database = new CliDatabase();
        var list = new Command("list", "列出机关：代码、名称、类别。");
        database.AddTo(list);
        list.SetAction(async (parse, ct) =>
        {
            await using var db = await database.OpenAsync(parse, output, ct);
            if (db is null)
            {
                return ExitCodes.BadInput;
            }

            foreach (var a in await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct))
            {
                output.Out.WriteLine($"{a.Code}\t{a.Name}\t{(a.Kind == "government" ? "人民政府" : "政府部门")}");
            }

            return ExitCodes.Ok;
        });
        return list;
    }
}
