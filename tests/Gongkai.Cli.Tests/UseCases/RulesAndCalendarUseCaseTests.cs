using Gongkai.Application.Calendar;
using Gongkai.Application.Cases;
using Gongkai.Application.Rules;
using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using Gongkai.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Tests.UseCases;

/// <summary><see cref="SetRule"/>, <see cref="AddHolidayYears"/> and <see cref="CountWorkingDays"/>, on both databases.</summary>
public class RulesAndCalendarUseCaseTests
{
    private const string Notice2027 = """{"source":"国务院办公厅通知（测试）","years":{"2027":{"notice":"https://www.gov.cn/test","days":[{"date":"2027-03-02","name":"测试","off":true}]}}}""";

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SetRule_StartDayCounted_StoredAndOpenCaseMoves_SetBack_MovesAgain(DatabaseProvider provider)
    {
        await using var host = await UseCaseHost.CreateAsync(provider, new FixedClock(new DateTimeOffset(2025, 10, 9, 2, 0, 0, TimeSpan.Zero)));
        var context = host.Db;
        await host.RegisterCaseAsync(await host.AddAgencyAsync(), new DateOnly(2025, 9, 26));

        var counted = await host.Get<SetRule>().ExecuteAsync(new SetRuleRequest(" working-days.start-day ", " counted ", "法制科"));
        var dueCounted = (await context.Cases.AsNoTracking().SingleAsync()).ReplyDue;
        var back = await host.Get<SetRule>().ExecuteAsync(new SetRuleRequest(ConfigurableRules.StartDay, "not-counted", "法制科"));
        var dueBack = (await context.Cases.AsNoTracking().SingleAsync()).ReplyDue;

        Assert.Equal(new RuleSet(ConfigurableRules.StartDay, "counted", 1), counted.Value);
        Assert.Equal(new DateOnly(2025, 10, 29), dueCounted);
        Assert.Equal(new RuleSet(ConfigurableRules.StartDay, "not-counted", 1), back.Value);
        Assert.Equal(new DateOnly(2025, 10, 30), dueBack);
        var row = await context.RuleSettings.AsNoTracking().SingleAsync();
        Assert.Equal(("not-counted", "法制科", 2), (row.Value, row.UpdatedBy, row.Version));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SetRule_BadValueOrUnknownKey_RefusedNamingTheKey_NothingStored(DatabaseProvider provider)
    {
        await using var host = await UseCaseHost.CreateAsync(provider);
        var context = host.Db;

        var bad = await host.Get<SetRule>().ExecuteAsync(new SetRuleRequest(ConfigurableRules.StartDay, "yes", "法制科"));
        var unknown = await host.Get<SetRule>().ExecuteAsync(new SetRuleRequest("working-days.first-day", "counted", "法制科"));

        Assert.StartsWith("规则 working-days.start-day 的值“yes”无效；可选：not-counted", Assert.IsType<Refused>(bad.Error).Message, StringComparison.Ordinal);
        Assert.StartsWith("没有名为“working-days.first-day”的规则；可设置：", Assert.IsType<Refused>(unknown.Error).Message, StringComparison.Ordinal);
        Assert.Equal(0, await context.RuleSettings.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AddHolidayYears_NewNotice_StoredOpenCaseMovesAndTheCalendarInForceHasIt(DatabaseProvider provider)
    {
        await using var host = await UseCaseHost.CreateAsync(provider, new FixedClock(new DateTimeOffset(2027, 2, 20, 2, 0, 0, TimeSpan.Zero)));
        var context = host.Db;
        await host.RegisterCaseAsync(await host.AddAgencyAsync(), new DateOnly(2027, 2, 19));
        var cached = host.Get<CaseCalendar>();
        var before = await cached.GetAsync(context);
        var dueBefore = (await context.Cases.AsNoTracking().SingleAsync()).ReplyDue;

        var added = await host.Get<AddHolidayYears>().ExecuteAsync(new AddHolidayYearsRequest(Notice2027, "管理员"));

        Assert.True(added.Succeeded, added.Error?.Message);
        Assert.Equal([2027], added.Value!.Years);
        Assert.Equal(1, added.Value.Moved);
        Assert.Equal(new DateOnly(2027, 3, 19), dueBefore); // Monday to Friday while 2027 has no notice
        Assert.Equal(new DateOnly(2027, 3, 22), (await context.Cases.AsNoTracking().SingleAsync()).ReplyDue);
        Assert.True(before.IsWorkingDay(new DateOnly(2027, 3, 2)));
        Assert.False((await cached.GetAsync(context)).IsWorkingDay(new DateOnly(2027, 3, 2)));
        Assert.Equal("管理员", (await context.CalendarYears.AsNoTracking().SingleAsync()).AddedBy);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AddHolidayYears_BadFile_RefusedNamingTheLine_NothingStoredNoCaseMoved(DatabaseProvider provider)
    {
        await using var host = await UseCaseHost.CreateAsync(provider, new FixedClock(new DateTimeOffset(2027, 2, 20, 2, 0, 0, TimeSpan.Zero)));
        var context = host.Db;
        await host.RegisterCaseAsync(await host.AddAgencyAsync(), new DateOnly(2027, 2, 19));

        var added = await host.Get<AddHolidayYears>().ExecuteAsync(new AddHolidayYearsRequest(
            """{"source":"x","years":{"2027":{"notice":"u","days":[{"date":"2027-02-30","name":"春节","off":true}]}}}""", "管理员"));

        var refusal = Assert.IsType<Refused>(added.Error);
        Assert.StartsWith("第1行 years.2027.days[0].date：", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("2027-02-30", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await context.CalendarYears.CountAsync());
        Assert.Equal(new DateOnly(2027, 3, 19), (await context.Cases.AsNoTracking().SingleAsync()).ReplyDue);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CountWorkingDays_OnTheInstallationsCalendar_UsesAddedNoticeAndCountingRule(DatabaseProvider provider)
    {
        await using var host = await UseCaseHost.CreateAsync(provider);
        var count = host.Get<CountWorkingDays>();

        var before = await count.ExecuteAsync(new CountWorkingDaysRequest(new DateOnly(2027, 3, 1), 5));
        await host.Get<AddHolidayYears>().ExecuteAsync(new AddHolidayYearsRequest(Notice2027, "管理员"));
        var after = await count.ExecuteAsync(new CountWorkingDaysRequest(new DateOnly(2027, 3, 1), 5));
        await host.Get<SetRule>().ExecuteAsync(new SetRuleRequest(ConfigurableRules.StartDay, "counted", "法制科"));
        var counted = await count.ExecuteAsync(new CountWorkingDaysRequest(new DateOnly(2025, 9, 26), 20));

        Assert.Equal(new DateOnly(2027, 3, 8), before.Value!.Due);
        Assert.Equal([2027], before.Value.YearsWithoutNotice);
        Assert.Equal(new DateOnly(2027, 3, 9), after.Value!.Due);
        Assert.Empty(after.Value.YearsWithoutNotice);
        Assert.Equal(new DateOnly(2025, 10, 29), counted.Value!.Due);
    }

    [Fact]
    public void CountWorkingDays_NegativeDays_Refused()
    {
        var result = CountWorkingDays.On(ChineseWorkingDayCalendar.Default, new CountWorkingDaysRequest(new DateOnly(2025, 9, 26), -3));

        Assert.Equal("工作日数应为0或正整数，而不是 -3", Assert.IsType<Refused>(result.Error).Message);
    }
}
