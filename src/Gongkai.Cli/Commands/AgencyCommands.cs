using System.CommandLine;
using Gongkai.Application.Agencies;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Results;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai agencies …</c>: the government's tree of agencies — add, list, move, rename, archive, restore, remove.
/// Every other command names an existing agency with <c>--agency</c> (its code or exact name); a mistyped one is
/// refused (exit 2, nothing created).
/// </summary>
internal static class AgencyCommands
{
    /// <summary>Who the command line records as having changed an agency.</summary>
    private const string Actor = "命令行";

    public static Command Create(CliOutput output, TimeProvider clock)
    {
        var agencies = new Command("agencies", "机关树：新建、列出、移动、改名、归档、恢复、删除。其他命令的 --agency 填机关代码或完整名称。");
        agencies.Subcommands.Add(CreateAdd(output, clock));
        agencies.Subcommands.Add(CreateList(output, clock));
        agencies.Subcommands.Add(CreateMove(output, clock));
        agencies.Subcommands.Add(CreateRename(output, clock));
        agencies.Subcommands.Add(CreateArchive(output, clock, archive: true));
        agencies.Subcommands.Add(CreateArchive(output, clock, archive: false));
        agencies.Subcommands.Add(CreateRemove(output, clock));
        return agencies;
    }

    /// <summary>The line that names an agency in messages: 名称（代码，类别）.</summary>
    private static string Describe(AgencyNode a) => $"“{a.Name}”（{a.Code}，{a.KindLabel}）";

    private static Command CreateAdd(CliOutput output, TimeProvider clock)
    {
        var code = new Option<string>("--code") { Description = "机关代码：2至20位小写字母、数字或连字符，如 wjj；用于网址、索引号和申请编号，建立后不能修改", Required = true };
        var name = new Option<string>("--name") { Description = "机关名称，如 示范县卫生健康局", Required = true };
        var kind = new Option<string>("--kind")
        {
            Description = "类别：government（人民政府，年度报告3月31日前公布）、department（政府部门）、town（乡镇街道）、other（其他）；后三类1月31日前公布（第四十九条）",
            Required = true,
        };
        var parent = new Option<string?>("--parent") { Description = "上级机关的代码或名称（不填：作为顶层机关）" };
        var uscc = new Option<string?>("--uscc") { Description = "统一社会信用代码（18位，按 GB 32100 校验）" };
        var database = new CliDatabase();
        var add = new Command("add", "新建机关。代码或名称已被使用、代码格式不对、统一社会信用代码校验不通过时拒绝，不写入任何内容。") { code, name, kind, parent, uscc };
        database.AddTo(add);
        add.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agencyName: null, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var result = await context.Get<AddAgency>().ExecuteAsync(
                new AddAgencyRequest(parse.GetValue(code), parse.GetValue(name), parse.GetValue(kind), parse.GetValue(parent), parse.GetValue(uscc), Actor), ct);
            if (result.Value is not { } added)
            {
                return output.Fail(result.Error!.Message);
            }

            output.Out.WriteLine($"已新建机关{Describe(added)}" + (parse.GetValue(parent) is { } p ? $"，上级机关：{p}" : "，为顶层机关") + "。");
            return ExitCodes.Ok;
        });
        return add;
    }

    private static Command CreateList(CliOutput output, TimeProvider clock)
    {
        var database = new CliDatabase();
        var list = new Command("list", "按层级列出机关树：代码、名称、类别；已归档的标明。");
        database.AddTo(list);
        list.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agencyName: null, ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            foreach (var a in await context.Get<ListAgencyTree>().ExecuteAsync(ct))
            {
                output.Out.WriteLine($"{new string(' ', a.Depth * 2)}{a.Code}\t{a.Name}\t{a.KindLabel}{(a.Archived ? "\t（已归档）" : string.Empty)}");
            }

            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command CreateMove(CliOutput output, TimeProvider clock)
    {
        var agency = new Argument<string>("CODE") { Description = "要移动的机关的代码或名称" };
        var parent = new Option<string?>("--parent") { Description = "新的上级机关的代码或名称" };
        var root = new Option<bool>("--root") { Description = "移到顶层（不设上级机关）" };
        var database = new CliDatabase();
        var move = new Command("move", "把机关（连同其下级机关）移到另一个上级机关之下，或用 --root 移到顶层。不能移到它自己或它的下级机关之下。") { agency, parent, root };
        database.AddTo(move);
        move.SetAction(async (parse, ct) =>
        {
            var toRoot = parse.GetValue(root);
            var newParent = parse.GetValue(parent);
            if (toRoot == !string.IsNullOrWhiteSpace(newParent))
            {
                return output.Fail("请用 --parent 指定新的上级机关，或用 --root 移到顶层（二者选一）");
            }

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, parse.GetValue(agency), ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var result = await context.Get<MoveAgency>().ExecuteAsync(new MoveAgencyRequest(context.AgencyId, toRoot ? null : newParent, null, Actor), ct);
            return Done(output, result, a => $"已把{Describe(a)}" + (toRoot ? "移到顶层。" : $"移到“{newParent}”之下。"));
        });
        return move;
    }

    private static Command CreateRename(CliOutput output, TimeProvider clock)
    {
        var agency = new Argument<string>("CODE") { Description = "机关的代码或名称" };
        var name = new Option<string>("--name") { Description = "新名称", Required = true };
        var database = new CliDatabase();
        var rename = new Command("rename", "机关改名。代码不变，门户网址、索引号和申请编号不受影响。") { agency, name };
        database.AddTo(rename);
        rename.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(database, parse, output, clock, parse.GetValue(agency), ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var old = context.Agency.Name;
            var result = await context.Get<EditAgency>().ExecuteAsync(new EditAgencyRequest(context.AgencyId, parse.GetValue(name), null, null, null, Actor), ct);
            return Done(output, result, a => $"已把“{old}”改名为{Describe(a)}。");
        });
        return rename;
    }

    private static Command CreateArchive(CliOutput output, TimeProvider clock, bool archive)
    {
        var agency = new Argument<string>("CODE") { Description = "机关的代码或名称" };
        var database = new CliDatabase();
        var command = archive
            ? new Command("archive", "归档机关（撤并、不再存在的机关）：记录、年度报告和页面保留，只读；不再接受新的申请。须先归档或移走其下级机关。") { agency }
            : new Command("restore", "恢复已归档的机关。") { agency };
        database.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(database, parse, output, clock, parse.GetValue(agency), ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var result = await context.Get<ArchiveAgency>().ExecuteAsync(new ArchiveAgencyRequest(context.AgencyId, archive, null, Actor), ct);
            return Done(output, result, a => archive ? $"已归档{Describe(a)}：记录保留，不再接受新的申请。" : $"已恢复{Describe(a)}。");
        });
        return command;
    }

    private static Command CreateRemove(CliOutput output, TimeProvider clock)
    {
        var agency = new Argument<string>("CODE") { Description = "机关的代码或名称" };
        var database = new CliDatabase();
        var remove = new Command("remove", "删除误建的机关。已有下级机关或任何记录（申请、目录、文件登记、年度报告、工作人员等）的机关不能删除，请改为归档。") { agency };
        database.AddTo(remove);
        remove.SetAction(async (parse, ct) =>
        {
            await using var context = await CliContext.OpenAsync(database, parse, output, clock, parse.GetValue(agency), ct);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var result = await context.Get<RemoveAgency>().ExecuteAsync(new RemoveAgencyRequest(context.AgencyId, null), ct);
            if (result.Value is not { } removed)
            {
                return output.Fail(result.Error!.Message);
            }

            output.Out.WriteLine($"已删除机关“{removed.Name}”（{removed.Code}，{AgencyKinds.LabelOf(removed.Kind)}）。");
            return ExitCodes.Ok;
        });
        return remove;
    }

    private static int Done(CliOutput output, Result<AgencyNode> result, Func<AgencyNode, string> message)
    {
        if (result.Value is not { } agency)
        {
            return output.Fail(result.Error!.Message);
        }

        output.Out.WriteLine(message(agency));
        return ExitCodes.Ok;
    }
}
