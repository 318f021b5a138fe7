using Gongkai.Application.Cases;
using Gongkai.Data;
using Gongkai.Data.Calendar;
using Gongkai.Data.Rules;
using Gongkai.Domain.Applications;
using Gongkai.TestSupport;

namespace Gongkai.Web.Tests.Cases;

/// <summary>The calendar kept for the process: built once, rebuilt when a year is added or the counting rule changes.</summary>
public class CaseCalendarTests
{
    private const string Notice2027 = """{"source":"国务院办公厅通知（测试）","years":{"2027":{"notice":"https://www.gov.cn/test","days":[{"date":"2027-01-01","name":"元旦","off":true}]}}}""";

    [Fact]
    public async Task GetAsync_Unchanged_SameCalendar_YearAdded_Rebuilt()
    {
        using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = db.Open();
        var cache = new CaseCalendar();

        var first = await cache.GetAsync(context);
        var again = await cache.GetAsync(context);
        await CalendarStore.AddAsync(context, Notice2027, "管理员", TimeProvider.System);
        var afterYear = await cache.GetAsync(context);
        await RuleSettingsStore.SetAsync(context, ConfigurableRules.StartDay, "counted", "管理员", TimeProvider.System);
        var afterRule = await cache.GetAsync(context);

        Assert.Same(first, again);
        Assert.NotSame(first, afterYear);
        Assert.False(afterYear.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.NotSame(afterYear, afterRule);
        Assert.Equal(new DateOnly(2025, 10, 29), afterRule.AddWorkingDays(new DateOnly(2025, 9, 26), 20));
    }
}
