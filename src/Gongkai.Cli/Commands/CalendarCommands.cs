using System.CommandLine;
using Gongkai.Application.Calendar;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai calendar …</c>: working days (docs/legal.md §5) and adding a year's State Council notice.</summary>
internal static class CalendarCommands
{
    public static Command Create(CliOutput output, TimeProvider clock)
    {
        var calendar = new Command("calendar", "工作日日历：计算法定期限，录入国务院新一年的放假安排。");
        calendar.Subcommands.Add(CreateAddWorkdays(output, clock));
        calendar.Subcommands.Add(CreateAddYear(output, clock));
        return calendar;
    }

    private static Command CreateAddWorkdays(CliOutput output, TimeProvider clock)
    {
        var date = new Argument<string>("DATE") { Description = "起算日，如 2025-09-26（当日不计入）" };
        var days = new Argument<int>("N") { Description = "工作日数，如 20（第三十三条答复期限）" };
        var database = new CliDatabase();
        var command = new Command("add-workdays", "打印 DATE 之后第 N 个工作日（当日不计入；节假日和调休按国务院通知），格式 YYYY-MM-DD。") { date, days };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!CliParsing.TryParseDate(parse.GetValue(date), out var start))
            {
                return output.Fail($"日期“{parse.GetValue(date)}”无效，应为 YYYY-MM-DD，如 2025-09-26");
            }

            var request = new CountWorkingDaysRequest(start, parse.GetValue(days));
            Result<WorkingDaysCounted> counted;
            if (database.IsGiven(parse))
            {
                await using var context = await CliContext.OpenAsync(database, parse, output, clock, agencyName: null, cancellationToken);
                if (context is null)
                {
                    return ExitCodes.BadInput;
                }

                counted = await context.Get<CountWorkingDays>().ExecuteAsync(request, cancellationToken);
            }
            else
            {
                counted = CountWorkingDays.On(ChineseWorkingDayCalendar.Default, request);
            }

            if (counted.Value is not { } result)
            {
                return output.Fail(counted.Error!);
            }

            foreach (var year in result.YearsWithoutNotice)
            {
                output.Error.WriteLine($"注意：{year}年的放假安排尚未录入，该年按周一至周五为工作日计算（录入：gongkai calendar add-year FILE）");
            }

            output.Out.WriteLine(CliParsing.Iso(result.Due));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateAddYear(CliOutput output, TimeProvider clock)
    {
        var file = new Argument<string>("FILE") { Description = "放假安排 JSON 文件（与随附的 holidays-cn.json 格式相同）" };
        var by = new Option<string>("--by") { Description = "录入人", DefaultValueFactory = _ => Environment.UserName };
        var database = new CliDatabase();
        var command = new Command("add-year", "录入国务院新发布的放假安排（不必等新版本），并重新计算所有在办案件的答复期限。") { file, by };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                return output.Fail($"找不到文件 {path}");
            }

            await using var context = await CliContext.OpenAsync(database, parse, output, clock, agencyName: null, cancellationToken);
            if (context is null)
            {
                return ExitCodes.BadInput;
            }

            var result = await context.Get<AddHolidayYears>().ExecuteAsync(
                new AddHolidayYearsRequest(await File.ReadAllTextAsync(path, cancellationToken), parse.GetValue(by)!), cancellationToken);
            if (result.Value is not { } added)
            {
                return output.Fail(result.Error!, _ => $"{path} 不是有效的放假安排，未录入");
            }

            output.Out.WriteLine($"已录入 {string.Join("、", added.Years)} 年的放假安排；{added.Moved}件在办案件的答复期限随之改变。");
            return ExitCodes.Ok;
        });
        return command;
    }
}
