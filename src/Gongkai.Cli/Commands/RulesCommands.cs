using System.CommandLine;
using Gongkai.Application.Rules;
using Gongkai.Domain.Applications;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai rules list|set</c>: the points of the statutory clock docs/legal.md leaves open (how working days are
/// counted, §1.6; e-mail receipt, §1.4; fees, §3), set once for the installation; open cases are recomputed.
/// </summary>
internal static class RulesCommands
{
    public static Command Create(CliOutput output, TimeProvider clock)
    {
        var rules = new Command("rules", "法规未明确、由本单位确定的计算规则：期限起算、电子邮件收到日期、收费期间（legal.md 标为 U/P 的事项）。");
        rules.Subcommands.Add(CreateList(output, clock));
        rules.Subcommands.Add(CreateSet(output, clock));
        return rules;
    }

    private static Command CreateList(CliOutput output, TimeProvider clock)
    {
        var database = new CliDatabase();
        var command = new Command("list", "列出每条规则、当前取值和可选值。");
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agencyName: null, cancellationToken);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var shown = await context.Get<ReadRules>().ExecuteAsync(cancellationToken);
            if (shown.Error is { } error)
            {
                return output.Fail(error);
            }

            var stored = shown.Value!.Stored;
            foreach (var rule in ConfigurableRules.All)
            {
                var value = stored.GetValueOrDefault(rule.Key) ?? rule.Default;
                output.Out.WriteLine($"{rule.Key}\t{value}{(stored.ContainsKey(rule.Key) ? "" : "（默认）")}\t{rule.Label}\t{rule.Article}");
                foreach (var (v, meaning) in rule.Values)
                {
                    output.Out.WriteLine($"\t  {v}：{meaning}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateSet(CliOutput output, TimeProvider clock)
    {
        var key = new Argument<string>("KEY") { Description = "规则名，如 working-days.start-day" };
        var value = new Argument<string>("VALUE") { Description = "取值（见 gongkai rules list）" };
        var by = new Option<string>("--by") { Description = "设置人", DefaultValueFactory = _ => Environment.UserName };
        var database = new CliDatabase();
        var command = new Command("set", "设置一条规则，并重新计算所有在办案件的答复期限。") { key, value, by };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Checked before the database is opened: a mistyped rule or value is told without creating a database.
            if (ConfigurableRules.Problem(parse.GetValue(key)!, parse.GetValue(value)!) is { } problem)
            {
                return output.Fail(problem);
            }

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agencyName: null, cancellationToken);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var result = await context.Get<SetRule>().ExecuteAsync(new SetRuleRequest(parse.GetValue(key)!, parse.GetValue(value)!, parse.GetValue(by)!), cancellationToken);
            if (result.Value is not { } set)
            {
                return output.Fail(result.Error!);
            }

            output.Out.WriteLine($"已设置 {set.Key} = {set.Value}；{set.Moved}件在办案件的答复期限随之改变。");
            return ExitCodes.Ok;
        });
        return command;
    }
}
